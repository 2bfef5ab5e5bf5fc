import type { TRequestLogFilter } from '@tollgate/contracts';
import type { Prisma } from '@tollgate/db';
import type { Tx } from '../core/define-operation';
import type { RequestLogWindow } from './request-log-window';

/** `4xx` is [400, 500); `404` is itself. */
function statusWhere(status: string): Prisma.IntFilter | number {
  if (!status.endsWith('xx')) return Number(status);
  const low = Number(status[0]) * 100;
  return { gte: low, lt: low + 100 };
}

/**
 * The filter as a request_log condition, with slugs and the key prefix resolved to ids first
 * (the log stores ids only). Null when a named app, API or key does not exist: nothing can match.
 */
export async function requestLogWhere(tx: Tx, filter: TRequestLogFilter, window: RequestLogWindow): Promise<Prisma.RequestLogWhereInput | null> {
  const [app, api, keys] = await Promise.all([
    filter.app ? tx.app.findUnique({ where: { slug: filter.app }, select: { id: true } }) : undefined,
    filter.api ? tx.api.findUnique({ where: { slug: filter.api }, select: { id: true } }) : undefined,
    // Prefixes are short and may repeat across keys: every key showing this prefix matches.
    filter.key ? tx.apiKey.findMany({ where: { prefix: filter.key }, select: { id: true } }) : undefined,
  ]);
  if (app === null || api === null || keys?.length === 0) return null;
  return {
    time: { gte: window.from, lt: window.to },
    ...(filter.requestId ? { id: filter.requestId } : {}),
    ...(filter.status ? { status: statusWhere(filter.status) } : {}),
    ...(app ? { appId: app.id } : {}),
    ...(api ? { apiId: api.id } : {}),
    ...(keys ? { keyId: { in: keys.map((key) => key.id) } } : {}),
    ...(filter.route ? { routeKey: filter.route } : {}),
    ...(filter.outcome ? { outcome: filter.outcome } : {}),
    ...(filter.upstreamVersion ? { upstreamVersion: filter.upstreamVersion } : {}),
    ...(filter.latencyOverMs !== undefined ? { latencyMs: { gt: filter.latencyOverMs } } : {}),
  };
}
