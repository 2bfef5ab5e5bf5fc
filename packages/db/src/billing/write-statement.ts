import type { BillingPeriod, StatementAmounts } from '@tollgate/domain';
import type { Db } from '../client/create-db';
import type { Prisma } from '../generated/prisma/client';
import { sqlUtc } from './sql-time';

type Client = Db | Prisma.TransactionClient;

/**
 * Writes a statement for one subscription and period: inserts it, or updates it while it
 * is still open. A closed statement is never touched (returns undefined); closing is the
 * same write with `close` set.
 */
export async function writeStatement(
  db: Client,
  input: { subscriptionId: string; period: BillingPeriod; amounts: StatementAmounts; now: Date; close: boolean },
): Promise<{ id: string } | undefined> {
  const { amounts, period, now } = input;
  const status = input.close ? 'closed' : 'open';
  const closedAt = input.close ? sqlUtc(now) : null;
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO billing_statements AS s
      (id, "subscriptionId", "periodStart", "periodEnd", status, currency, "includedUnits", "usedUnits",
       "overageUnits", "baseCents", "overageCents", "totalCents", "lineItems", "computedAt", "closedAt")
    VALUES (gen_random_uuid(), ${input.subscriptionId}::uuid, ${sqlUtc(period.start)}, ${sqlUtc(period.end)},
       ${status}::"StatementStatus", ${amounts.currency}, ${amounts.includedUnits}, ${amounts.usedUnits},
       ${amounts.overageUnits}, ${amounts.baseCents}, ${amounts.overageCents}, ${amounts.totalCents},
       ${JSON.stringify(amounts.lineItems)}::jsonb, ${sqlUtc(now)}, ${closedAt})
    ON CONFLICT ("subscriptionId", "periodStart") DO UPDATE SET
      "periodEnd" = EXCLUDED."periodEnd", status = EXCLUDED.status, currency = EXCLUDED.currency,
      "includedUnits" = EXCLUDED."includedUnits", "usedUnits" = EXCLUDED."usedUnits",
      "overageUnits" = EXCLUDED."overageUnits", "baseCents" = EXCLUDED."baseCents",
      "overageCents" = EXCLUDED."overageCents", "totalCents" = EXCLUDED."totalCents",
      "lineItems" = EXCLUDED."lineItems", "computedAt" = EXCLUDED."computedAt", "closedAt" = EXCLUDED."closedAt"
    WHERE s.status = 'open'
    RETURNING id::text AS id`;
  return rows[0];
}
