import { toLocalTime } from '@tollgate/domain';
import { TollgateError } from '@tollgate/errors';
import type { Db } from '../client/create-db';
import type { Prisma, StatementStatus } from '../generated/prisma/client';

export interface StatementFilter {
  appSlug?: string;
  /** YYYY-MM: statements whose period starts in that month, in the subscription's time zone. */
  period?: string;
  status?: StatementStatus;
  /** Only statements of these apps' subscriptions (a team's view). */
  appIds?: string[];
  id?: string;
}

export interface StatementRow {
  id: string;
  status: StatementStatus;
  app: string;
  team: string;
  api: string;
  plan: string;
  subscriptionId: string;
  timeZone: string;
  periodStart: string;
  periodEnd: string;
  currency: string;
  includedUnits: string;
  usedUnits: string;
  overageUnits: string;
  baseCents: string;
  overageCents: string;
  totalCents: string;
  lineItems: unknown;
  computedAt: string;
  closedAt: string | null;
}

export function parsePeriodFilter(period: string | undefined): string | undefined {
  if (period === undefined) return undefined;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) {
    throw new TollgateError('invalid_params', { detail: `--period "${period}" is not YYYY-MM`, invalidParams: [{ name: 'period', reason: 'must be YYYY-MM' }] });
  }
  return period;
}

/** Statements, newest period first; amounts as strings (bigints) so JSON keeps every digit. An app slug that names no app is not_found. */
export async function listStatements(db: Db | Prisma.TransactionClient, filter: StatementFilter = {}): Promise<StatementRow[]> {
  const period = parsePeriodFilter(filter.period);
  if (filter.appSlug !== undefined && !(await db.app.findUnique({ where: { slug: filter.appSlug }, select: { id: true } }))) {
    throw new TollgateError('not_found', { detail: `no app with slug "${filter.appSlug}"` });
  }
  const rows = await db.billingStatement.findMany({
    where: {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.id ? { id: filter.id } : {}),
      ...(filter.appSlug || filter.appIds
        ? { subscription: { app: { ...(filter.appSlug ? { slug: filter.appSlug } : {}), ...(filter.appIds ? { id: { in: filter.appIds } } : {}) } } }
        : {}),
    },
    include: { subscription: { include: { app: { include: { team: true } }, api: true, plan: true } } },
    orderBy: [{ periodStart: 'desc' }, { id: 'asc' }],
  });
  return rows
    .filter((row) => {
      if (!period) return true;
      const wall = toLocalTime(row.periodStart.getTime(), row.subscription.timeZone);
      return `${wall.year}-${String(wall.month).padStart(2, '0')}` === period;
    })
    .map((row) => ({
      id: row.id,
      status: row.status,
      app: row.subscription.app.slug,
      team: row.subscription.app.team.slug,
      api: row.subscription.api.slug,
      plan: row.subscription.plan.slug,
      subscriptionId: row.subscriptionId,
      timeZone: row.subscription.timeZone,
      periodStart: row.periodStart.toISOString(),
      periodEnd: row.periodEnd.toISOString(),
      currency: row.currency,
      includedUnits: row.includedUnits.toString(),
      usedUnits: row.usedUnits.toString(),
      overageUnits: row.overageUnits.toString(),
      baseCents: row.baseCents.toString(),
      overageCents: row.overageCents.toString(),
      totalCents: row.totalCents.toString(),
      lineItems: row.lineItems,
      computedAt: row.computedAt.toISOString(),
      closedAt: row.closedAt?.toISOString() ?? null,
    }));
}
