import { ZApiStatus, ZApiVisibility, ZPageQuery, ZSlug } from '@tollgate/contracts';
import type { Prisma } from '@tollgate/db';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { decodeCursor, pageOf } from '../core/paginate';
import { toApiResource } from './to-api-resource';

const SORTS = ['slug', '-slug', 'name', '-name', 'updatedAt', '-updatedAt'] as const;

/**
 * APIs in slug order (or by name or last change, either way), optionally of one status or
 * visibility, or whose slug or name contains `q`. A cursor of a sort other than slug holds the
 * sorted value and the slug, so pages never skip or repeat rows with equal values.
 */
export const listApis = defineOperation({
  name: 'apis.list',
  role: 'viewer',
  input: ZPageQuery.extend({
    status: ZApiStatus.optional(),
    visibility: ZApiVisibility.optional(),
    q: z.string().trim().max(200).optional(),
    sort: z.enum(SORTS).default('slug'),
  }),
  async run(tx, input) {
    const desc = input.sort.startsWith('-');
    const field = input.sort.replace('-', '') as 'slug' | 'name' | 'updatedAt';
    const after = decodeCursor(input.cursor, (value) => (field === 'slug' ? ZSlug.safeParse(value).success : positionOf(value) !== null));
    const op = desc ? 'lt' : 'gt';
    let position: Prisma.ApiWhereInput = {};
    if (after !== undefined && field === 'slug') position = { slug: { [op]: after } };
    if (after !== undefined && field !== 'slug') {
      const [raw, slug] = positionOf(after)!;
      const value = field === 'updatedAt' ? new Date(raw) : raw;
      position = { OR: [{ [field]: { [op]: value } }, { [field]: value, slug: { [op]: slug } }] };
    }
    const search: Prisma.ApiWhereInput = input.q ? { OR: [{ slug: { contains: input.q, mode: 'insensitive' } }, { name: { contains: input.q, mode: 'insensitive' } }] } : {};
    const rows = await tx.api.findMany({
      where: { status: input.status, visibility: input.visibility, AND: [search, position] },
      orderBy: field === 'slug' ? { slug: desc ? 'desc' : 'asc' } : [{ [field]: desc ? 'desc' : 'asc' }, { slug: desc ? 'desc' : 'asc' }],
      take: input.limit + 1,
    });
    const keyOf = (row: (typeof rows)[number]) => (field === 'slug' ? row.slug : JSON.stringify([field === 'updatedAt' ? row.updatedAt.toISOString() : row.name, row.slug]));
    return pageOf(rows, input.limit, keyOf, toApiResource);
  },
});

function positionOf(value: string): [string, string] | null {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.length === 2 && parsed.every((part) => typeof part === 'string') ? (parsed as [string, string]) : null;
  } catch {
    return null;
  }
}
