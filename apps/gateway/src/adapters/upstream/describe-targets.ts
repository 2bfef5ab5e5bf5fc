import type { CompiledSnapshot } from '../../config/compiled-snapshot.types';

/** One target as this gateway sees it now, for the heartbeat and the console. */
export interface TargetHealth {
  readonly api: string;
  readonly url: string;
  /** Takes traffic: the active check passes (or there is none) and it is not ejected. */
  readonly healthy: boolean;
  /** Ejected by passive health until this ISO time, or null. */
  readonly ejectedUntil: string | null;
  readonly inFlight: number;
  readonly breaker: 'closed' | 'open' | 'half_open';
}

/** The live health of every upstream target the snapshot's APIs use, once per API. */
export function describeTargets(snapshot: CompiledSnapshot, now: number): TargetHealth[] {
  const seen = new Set<string>();
  const described: TargetHealth[] = [];
  for (const route of snapshot.routes) {
    const api = route.api;
    const upstream = api.upstream;
    if (upstream === null || seen.has(api.id)) continue;
    seen.add(api.id);
    for (const target of upstream.targets) {
      described.push({
        api: api.slug,
        url: target.url,
        healthy: target.available(now),
        ejectedUntil: target.ejectedUntil > now ? new Date(target.ejectedUntil).toISOString() : null,
        inFlight: target.inFlight,
        breaker: upstream.state.breaker.state,
      });
    }
  }
  return described;
}
