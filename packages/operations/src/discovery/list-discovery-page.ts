import { ZListDiscoveryQuery } from '@tollgate/contracts';
import { decodeCursor, encodeCursor } from '../core/paginate';
import { defineOperation } from '../core/define-operation';
import { readInventory } from './read-inventory';

/**
 * A page of the inventory with its filters (the admin API and the console). The
 * inventory is ordered in memory (orphans are computed, not stored), so the cursor is
 * the position of the next page in that order.
 */
export const listDiscoveryPage = defineOperation({
  name: 'discovery.list',
  role: 'viewer',
  input: ZListDiscoveryQuery,
  async run(tx, { cursor, limit, ...filter }) {
    const start = Number(decodeCursor(cursor, (value) => /^[1-9]\d{0,8}$/.test(value)) ?? 0);
    const inventory = await readInventory(tx, filter);
    const end = start + limit;
    return { items: inventory.slice(start, end), next_cursor: end < inventory.length ? encodeCursor(String(end)) : null };
  },
});
