import { TrafficSplit } from '../../adapters/upstream/traffic-split';
import type { UpstreamBalancer } from '../../adapters/upstream/upstream-balancer';
import type { CompiledRoute } from '../../config/compiled-snapshot.types';
import type { GatewayContext } from '../../pipeline/context';

/** The route's own split, else its upstream's; null when neither splits traffic. */
export function compileSplit(route: CompiledRoute, upstream: UpstreamBalancer | null): TrafficSplit | null {
  const split = route.policies.split ?? upstream?.state.settings.split;
  if (split === undefined || upstream === null) return null;
  const versions = upstream.targets.flatMap((target) => (target.version === null ? [] : [target.version]));
  return new TrafficSplit(split, route.api.id, versions);
}

/** The balancer of the version the split picks for this request (recorded on the context), or the whole upstream's. */
export function chooseUpstream(ctx: GatewayContext, upstream: UpstreamBalancer, split: TrafficSplit | null): UpstreamBalancer {
  if (split === null) return upstream;
  const principal = ctx.principal;
  const version = split.choose({
    headers: ctx.req.headers,
    plan: (ctx.plan ?? principal?.subscription.plan)?.slug ?? null,
    consumer: principal?.app.id ?? null,
    clientIp: ctx.clientIp,
  });
  ctx.upstreamVersion = version;
  return upstream.version(version);
}
