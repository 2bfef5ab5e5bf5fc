import type { SnapshotUpstream } from '@tollgate/db';
import type { UpstreamPools } from './upstream-pools';
import type { UpstreamState } from './upstream-state';
import type { UpstreamTarget } from './upstream-target';

export type { UpstreamTarget } from './upstream-target';

export interface UpstreamBalancer {
  readonly state: UpstreamState;
  /** Targets with weight > 0, in config order. */
  readonly targets: readonly UpstreamTarget[];
  /**
   * The target for the next request among those that take traffic (healthy, not
   * ejected), preferring ones not in `tried`; undefined when none takes traffic.
   */
  pick(now: number, tried?: readonly UpstreamTarget[]): UpstreamTarget | undefined;
}

/** Builds the balancer an upstream's settings ask for. Targets of weight 0 take no traffic. */
export function createUpstreamBalancer(upstream: SnapshotUpstream, pools: UpstreamPools, warn?: (message: string) => void): UpstreamBalancer {
  const { state, targets } = pools.upstream(upstream, warn);
  const weights = targets.map((target) => upstream.targets.find((source) => source.url === target.url)!.weight);
  switch (targets.length <= 1 ? 'single' : upstream.loadBalancing) {
    case 'single':
      return single(state, targets);
    case 'weighted':
      return weighted(state, targets, weights);
    case 'least_connections':
      return leastConnections(state, targets);
    default:
      return roundRobin(state, targets);
  }
}

const usable = (target: UpstreamTarget, now: number, tried: readonly UpstreamTarget[] | undefined) => target.available(now) && (tried === undefined || !tried.includes(target));

function single(state: UpstreamState, targets: UpstreamTarget[]): UpstreamBalancer {
  const only = targets[0];
  return { state, targets, pick: (now) => (only !== undefined && only.available(now) ? only : undefined) };
}

/** Falls back to a target already tried when every other one is out. */
function retryFallback(targets: readonly UpstreamTarget[], now: number, tried: readonly UpstreamTarget[] | undefined): UpstreamTarget | undefined {
  if (tried === undefined || tried.length === 0) return undefined;
  for (let i = tried.length - 1; i >= 0; i--) if (targets.includes(tried[i]!) && tried[i]!.available(now)) return tried[i];
  return undefined;
}

function roundRobin(state: UpstreamState, targets: UpstreamTarget[]): UpstreamBalancer {
  let next = 0;
  return {
    state,
    targets,
    pick(now, tried) {
      for (let i = 0; i < targets.length; i++) {
        const target = targets[next]!;
        next = next + 1 === targets.length ? 0 : next + 1;
        if (usable(target, now, tried)) return target;
      }
      return retryFallback(targets, now, tried);
    },
  };
}

/** Smooth weighted round robin (as nginx): weights 3:1 give a a b a, never a a a b. */
function weighted(state: UpstreamState, targets: UpstreamTarget[], weights: number[]): UpstreamBalancer {
  const scores = weights.map(() => 0);
  return {
    state,
    targets,
    pick(now, tried) {
      let best = -1;
      let total = 0;
      for (let i = 0; i < targets.length; i++) {
        if (!usable(targets[i]!, now, tried)) continue;
        scores[i]! += weights[i]!;
        total += weights[i]!;
        if (best < 0 || scores[i]! > scores[best]!) best = i;
      }
      if (best < 0) return retryFallback(targets, now, tried);
      scores[best]! -= total;
      return targets[best];
    },
  };
}

function leastConnections(state: UpstreamState, targets: UpstreamTarget[]): UpstreamBalancer {
  let start = 0;
  return {
    state,
    targets,
    pick(now, tried) {
      let best: UpstreamTarget | undefined;
      for (let i = 0; i < targets.length; i++) {
        const target = targets[(start + i) % targets.length]!;
        if (usable(target, now, tried) && (best === undefined || target.inFlight < best.inFlight)) best = target;
      }
      start = start + 1 === targets.length ? 0 : start + 1;
      return best ?? retryFallback(targets, now, tried);
    },
  };
}
