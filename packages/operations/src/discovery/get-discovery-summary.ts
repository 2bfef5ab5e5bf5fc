import { DISCOVERY_KINDS, ZDiscoverySummaryQuery, type TDiscoverySummary } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { fromDbKind } from './discovery-rows';
import { readInventory } from './read-inventory';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The inventory's counts per kind (active and blocked endpoints, as the list shows them
 * without a status filter) and the endpoints first seen on each of the last `days` days.
 */
export const getDiscoverySummary = defineOperation({
  name: 'discovery.summary',
  role: 'viewer',
  input: ZDiscoverySummaryQuery,
  async run(tx, { days, orphanDays }): Promise<TDiscoverySummary> {
    const inventory = await readInventory(tx, { orphanDays });
    const counts = Object.fromEntries(DISCOVERY_KINDS.map((kind) => [kind, inventory.filter((endpoint) => endpoint.kind === kind).length])) as TDiscoverySummary['counts'];
    const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    const since = new Date(today - (days - 1) * DAY_MS);
    const rows = await tx.$queryRaw<{ day: string; kind: Parameters<typeof fromDbKind>[0]; count: bigint }[]>`
      SELECT to_char("firstSeenAt", 'YYYY-MM-DD') AS day, kind, count(*) AS count
      FROM discovered_endpoints
      WHERE "firstSeenAt" >= ${since} AND kind <> 'orphan'
      GROUP BY 1, 2`;
    const newPerDay = Array.from({ length: days }, (_, i) => ({ day: new Date(since.getTime() + i * DAY_MS).toISOString().slice(0, 10), shadow: 0, zombie: 0, 'undocumented-method': 0 }));
    const byDay = new Map(newPerDay.map((entry) => [entry.day, entry]));
    for (const row of rows) {
      const entry = byDay.get(row.day);
      const kind = fromDbKind(row.kind);
      if (entry !== undefined && kind !== 'orphan') entry[kind] += Number(row.count);
    }
    return { counts, newPerDay };
  },
});
