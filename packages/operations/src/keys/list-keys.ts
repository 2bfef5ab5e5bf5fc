import { ZListKeysQuery, type TKeyState } from '@tollgate/contracts';
import type { Prisma } from '@tollgate/db';
import { defineOperation } from '../core/define-operation';
import { decodeCursor, pageOf } from '../core/paginate';
import { KEY_INCLUDE, toKeyResource } from './to-key-resource';

const CURSOR = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|([0-9a-f-]{36})$/;

function stateFilter(state: TKeyState, now: Date): Prisma.ApiKeyWhereInput {
  if (state === 'revoked') return { revokedAt: { not: null } };
  if (state === 'expired') return { revokedAt: null, expiresAt: { lte: now } };
  return { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

/** Keys newest first, of one app or team, in one state; `q` matches part of the prefix or name. Never a secret. */
export const listKeys = defineOperation({
  name: 'keys.list',
  role: 'viewer',
  input: ZListKeysQuery,
  async run(tx, input) {
    const now = new Date();
    const after = decodeCursor(input.cursor, (value) => CURSOR.test(value))?.match(CURSOR);
    const filters: Prisma.ApiKeyWhereInput[] = [
      input.app ? { app: { slug: input.app } } : {},
      input.team ? { app: { team: { slug: input.team } } } : {},
      input.state ? stateFilter(input.state, now) : {},
      input.q ? { OR: [{ prefix: { contains: input.q } }, { name: { contains: input.q, mode: 'insensitive' } }] } : {},
    ];
    if (after) {
      const createdAt = new Date(after[1]!);
      filters.push({ OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: after[2]! } }] });
    }
    const rows = await tx.apiKey.findMany({ where: { AND: filters }, include: KEY_INCLUDE, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: input.limit + 1 });
    return pageOf(rows, input.limit, (row) => `${row.createdAt.toISOString()}|${row.id}`, (row) => toKeyResource(row, now));
  },
});
