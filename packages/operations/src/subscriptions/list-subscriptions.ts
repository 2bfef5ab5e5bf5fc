import { ZListSubscriptionsQuery, ZSubscriptionStatus, type TSubscriptionStatus } from '@tollgate/contracts';
import type { Prisma } from '@tollgate/db';
import { defineOperation } from '../core/define-operation';
import { decodeCursor, pageOf } from '../core/paginate';
import { SUBSCRIPTION_INCLUDE, toSubscriptionResource } from './to-subscription-resource';

// The enum's order in PostgreSQL: pending first, so the approval queue leads every list.
const STATUSES = ZSubscriptionStatus.options;
const CURSOR = /^(pending|active|suspended|cancelled)\|(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|([0-9a-f-]{36})$/;

/** Subscriptions, pending ones first (oldest request first), then active, suspended and cancelled. */
export const listSubscriptions = defineOperation({
  name: 'subscriptions.list',
  role: 'viewer',
  input: ZListSubscriptionsQuery,
  async run(tx, input) {
    const after = decodeCursor(input.cursor, (value) => CURSOR.test(value))?.match(CURSOR);
    const filters: Prisma.SubscriptionWhereInput[] = [
      input.status ? { status: input.status } : {},
      input.app ? { app: { slug: input.app } } : {},
      input.team ? { app: { team: { slug: input.team } } } : {},
      input.api ? { api: { slug: input.api } } : {},
    ];
    if (after) filters.push(afterCursor(after[1] as TSubscriptionStatus, new Date(after[2]!), after[3]!));
    const rows = await tx.subscription.findMany({
      where: { AND: filters },
      include: SUBSCRIPTION_INCLUDE,
      orderBy: [{ status: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      take: input.limit + 1,
    });
    return pageOf(rows, input.limit, (row) => `${row.status}|${row.createdAt.toISOString()}|${row.id}`, toSubscriptionResource);
  },
});

function afterCursor(status: TSubscriptionStatus, createdAt: Date, id: string): Prisma.SubscriptionWhereInput {
  const later = STATUSES.slice(STATUSES.indexOf(status) + 1);
  return {
    OR: [
      { status: { in: later } },
      { status, createdAt: { gt: createdAt } },
      { status, createdAt, id: { gt: id } },
    ],
  };
}
