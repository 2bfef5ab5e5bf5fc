import { GATEWAY_LAG_SECONDS, ZPageQuery, type TGatewayInstance } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { decodeCursor, pageOf } from '../core/paginate';

/**
 * Gateway instances with the revision each serves. One lags when its last heartbeat is
 * older than GATEWAY_LAG_SECONDS, or when the first revision it misses was made longer ago
 * than that (gateways normally follow within a second).
 */
export const listGateways = defineOperation({
  name: 'gateways.list',
  role: 'viewer',
  input: ZPageQuery,
  async run(tx, input) {
    const after = decodeCursor(input.cursor);
    const [state, rows] = await Promise.all([
      tx.configState.findUnique({ where: { id: 1 } }),
      tx.gatewayInstance.findMany({ where: after ? { id: { gt: after } } : {}, orderBy: { id: 'asc' }, take: input.limit + 1 }),
    ]);
    const current = state?.revision ?? 0n;
    const now = Date.now();
    const bound = GATEWAY_LAG_SECONDS * 1000;
    const missedSince = new Map<bigint, number>();
    for (const row of rows) {
      if (row.configRevision >= current || missedSince.has(row.configRevision)) continue;
      const first = await tx.configChange.findFirst({ where: { revision: { gt: row.configRevision } }, orderBy: { revision: 'asc' }, select: { createdAt: true } });
      missedSince.set(row.configRevision, first?.createdAt.getTime() ?? state?.updatedAt.getTime() ?? now);
    }
    return pageOf(rows, input.limit, (row) => row.id, (row): TGatewayInstance => {
      const silent = now - row.lastSeenAt.getTime() > bound;
      const behind = row.configRevision < current && now - (missedSince.get(row.configRevision) ?? now) > bound;
      return {
        id: row.id,
        hostname: row.hostname,
        version: row.version,
        configRevision: row.configRevision.toString(),
        currentRevision: current.toString(),
        startedAt: row.startedAt.toISOString(),
        lastSeenAt: row.lastSeenAt.toISOString(),
        lagging: silent || behind,
        lagReason: silent ? 'no_heartbeat' : behind ? 'stale_revision' : null,
        status: (row.status ?? {}) as Record<string, unknown>,
      };
    });
  },
});
