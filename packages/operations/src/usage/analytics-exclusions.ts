import { Prisma } from '@tollgate/db';
import type { Tx } from '../core/define-operation';

/** The apps and keys an admin left out of the analytics charts (test or abusive traffic). */
export interface AnalyticsExclusions {
  appIds: string[];
  keyIds: string[];
}

export async function readAnalyticsExclusions(tx: Tx): Promise<AnalyticsExclusions> {
  const [apps, keys] = await Promise.all([
    tx.app.findMany({ where: { excludedFromAnalytics: true }, select: { id: true }, orderBy: { id: 'asc' } }),
    tx.apiKey.findMany({ where: { excludedFromAnalytics: true }, select: { id: true }, orderBy: { id: 'asc' } }),
  ]);
  return { appIds: apps.map((app) => app.id), keyIds: keys.map((key) => key.id) };
}

/**
 * The condition that keeps a rollup row (of `usage_rollups` or its hourly and daily levels,
 * aliased `alias`) out of the charts when its app or key is excluded; null when nothing is.
 * The rollups store ids as text ('' when absent), so calls without an app or key stay in.
 */
export function analyticsExclusionSql(exclusions: AnalyticsExclusions, alias = 'l'): Prisma.Sql | null {
  const parts: Prisma.Sql[] = [];
  if (exclusions.appIds.length) parts.push(Prisma.sql`${Prisma.raw(`${alias}."appId"`)} <> ALL(${exclusions.appIds}::text[])`);
  if (exclusions.keyIds.length) parts.push(Prisma.sql`${Prisma.raw(`${alias}."keyId"`)} <> ALL(${exclusions.keyIds}::text[])`);
  return parts.length ? Prisma.join(parts, ' AND ') : null;
}
