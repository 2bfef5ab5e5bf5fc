import { ZSlug, ZUpstreamSettings, type TTargetHealth, type TUpstreamResource } from '@tollgate/contracts';
import type { Prisma } from '@tollgate/db';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { etagOf } from '../core/etag';
import { findApiOrThrow } from '../apis/find-api-or-throw';

type UpstreamRow = Prisma.UpstreamGetPayload<{ include: { targets: true } }>;
export type TUpstreamConfig = Omit<TUpstreamResource, 'health'>;

/** What an upstream update replaces, as reads show it (targets in URL order). */
export function upstreamConfig(row: UpstreamRow): TUpstreamConfig {
  return {
    loadBalancing: row.loadBalancing.replaceAll('_', '-') as TUpstreamResource['loadBalancing'],
    targets: [...row.targets].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)).map((target) => ({ url: target.url, weight: target.weight, ...(target.version !== null ? { version: target.version } : {}) })),
    split: ZUpstreamSettings.shape.split.safeParse((row.settings as { split?: unknown } | null)?.split).data,
  };
}

/** The ETag of an upstream: over what a write replaces, so the targets' live health does not make it stale. */
export function upstreamEtag(upstream: TUpstreamConfig): string {
  const { loadBalancing, targets, split } = upstream;
  return etagOf({ loadBalancing, targets, split });
}

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
    return { ...upstreamConfig(upstream), health };
  },
});

function reported(status: unknown): Record<string, unknown>[] {
  const targets = (status as { targets?: unknown } | null)?.targets;
  return Array.isArray(targets) ? targets.filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null) : [];
}
