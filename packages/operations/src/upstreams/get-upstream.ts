import { ZSlug, ZUpstreamSettings, type TTargetHealth, type TUpstreamResource } from '@tollgate/contracts';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findApiOrThrow } from '../apis/find-api-or-throw';

/**
 * An API's targets and balancing, with each target's live health as every gateway reported it
 * in its last heartbeat (gateway_instances.status.targets). Null when the API has no upstream.
 */
export const getUpstream = defineOperation({
  name: 'upstreams.get',
  role: 'viewer',
  input: z.strictObject({ apiSlug: ZSlug }),
  async run(tx, input): Promise<TUpstreamResource | null> {
    const api = await findApiOrThrow(tx, input.apiSlug);
    const upstream = await tx.upstream.findUnique({ where: { apiId: api.id }, include: { targets: { orderBy: { url: 'asc' } } } });
    if (!upstream) return null;
    const gateways = await tx.gatewayInstance.findMany({ orderBy: { hostname: 'asc' }, select: { hostname: true, lastSeenAt: true, status: true } });
    const health = gateways.flatMap((gateway) => reported(gateway.status).filter((entry) => entry.api === api.slug).map((entry): TTargetHealth => ({
      gateway: gateway.hostname,
      lastSeenAt: gateway.lastSeenAt.toISOString(),
      url: String(entry.url),
      healthy: entry.healthy === true,
      ejectedUntil: typeof entry.ejectedUntil === 'string' ? entry.ejectedUntil : null,
      inFlight: typeof entry.inFlight === 'number' ? entry.inFlight : 0,
      breaker: typeof entry.breaker === 'string' ? entry.breaker : 'closed',
    })));
    return {
      loadBalancing: upstream.loadBalancing.replaceAll('_', '-') as TUpstreamResource['loadBalancing'],
      targets: upstream.targets.map((target) => ({ url: target.url, weight: target.weight, ...(target.version !== null ? { version: target.version } : {}) })),
      split: ZUpstreamSettings.shape.split.safeParse((upstream.settings as { split?: unknown } | null)?.split).data,
      health,
    };
  },
});

function reported(status: unknown): Record<string, unknown>[] {
  const targets = (status as { targets?: unknown } | null)?.targets;
  return Array.isArray(targets) ? targets.filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null) : [];
}
