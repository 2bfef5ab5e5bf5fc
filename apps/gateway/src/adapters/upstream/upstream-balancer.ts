import type { SnapshotUpstream } from '@tollgate/db';
import type { UpstreamPools } from './upstream-pools';
import type { UpstreamState } from './upstream-state';
import type { UpstreamTarget } from './upstream-target';

export type { UpstreamTarget } from './upstream-target';

export interface UpstreamBalancer {
  readonly state: UpstreamState;
  /** Targets with weight > 0, in config order (a host name's resolved addresses each one), as they are now. */
  readonly targets: readonly UpstreamTarget[];
  /**
   * The target for the next request among those that take traffic (healthy, not
   * ejected), preferring ones not in `tried`; undefined when none takes traffic.
   */
  pick(now: number, tried?: readonly UpstreamTarget[]): UpstreamTarget | undefined;
  /** A balancer over the targets of one version (traffic splits), made on first use and kept. */
  version(name: string): UpstreamBalancer;
}

type Members = () => readonly UpstreamTarget[];
type Mode = SnapshotUpstream['loadBalancing'];

/** Builds the balancer an upstream's settings ask for. Targets of weight 0 take no traffic. */
export function createUpstreamBalancer(upstream: SnapshotUpstream, pools: UpstreamPools, warn?: (message: string) => void): UpstreamBalancer {
  const { state } = pools.upstream(upstream, warn);
  return balancer(state, upstream.loadBalancing, null);
}

function balancer(state: UpstreamState, mode: Mode, version: string | null): UpstreamBalancer {
  const members: Members = () => state.members(version);
  const pick = picker(mode, members, state);
  const versions = new Map<string, UpstreamBalancer>();
  return {
    state,
    get targets() {
      return members();
    },
    pick,
    version(name) {
      let found = versions.get(name);
      if (found === undefined) versions.set(name, (found = balancer(state, mode, name)));
      return found;
    },
  };
}

function picker(mode: Mode, members: Members, state: UpstreamState): UpstreamBalancer['pick'] {
  const pickers = { round_robin: roundRobin, weighted, least_connections: leastConnections } as const;
  const many = pickers[mode](members, state);
  return (now, tried) => {
    const targets = members();
    if (targets.length > 1) return many(now, tried);
    const only = targets[0];
    return only !== undefined && only.available(now) ? only : undefined;
  };
}

const usable = (target: UpstreamTarget, now: number, tried: readonly UpstreamTarget[] | undefined) => target.available(now) && (tried === undefined || !tried.includes(target));

/** Falls back to a target already tried when every other one is out. */
function retryFallback(targets: readonly UpstreamTarget[], now: number, tried: readonly UpstreamTarget[] | undefined): UpstreamTarget | undefined {
  if (tried === undefined || tried.length === 0) return undefined;
  for (let i = tried.length - 1; i >= 0; i--) if (targets.includes(tried[i]!) && tried[i]!.available(now)) return tried[i];
  return undefined;
}

function roundRobin(members: Members): UpstreamBalancer['pick'] {
  let next = 0;
  return (now, tried) => {
    const targets = members();
    for (let i = 0; i < targets.length; i++) {
      if (next >= targets.length) next = 0;
      const target = targets[next]!;
      next++;
      if (usable(target, now, tried)) return target;
    }
    return retryFallback(targets, now, tried);
  };
}

/** Smooth weighted round robin (as nginx): weights 3:1 give a a b a, never a a a b. Scores start over when the targets change. */
function weighted(members: Members, state: UpstreamState): UpstreamBalancer['pick'] {
  let scores: number[] = [];
  let generation = -1;
  return (now, tried) => {
    const targets = members();
    if (generation !== state.generation) {
      generation = state.generation;
      scores = targets.map(() => 0);
    }
    let best = -1;
    let total = 0;
    for (let i = 0; i < targets.length; i++) {
      if (!usable(targets[i]!, now, tried)) continue;
      scores[i]! += targets[i]!.weight;
      total += targets[i]!.weight;
      if (best < 0 || scores[i]! > scores[best]!) best = i;
    }
    if (best < 0) return retryFallback(targets, now, tried);
    scores[best]! -= total;
    return targets[best];
  };
}

function leastConnections(members: Members): UpstreamBalancer['pick'] {
  let start = 0;
  return (now, tried) => {
    const targets = members();
    let best: UpstreamTarget | undefined;
    for (let i = 0; i < targets.length; i++) {
      const target = targets[(start + i) % targets.length]!;
      if (usable(target, now, tried) && (best === undefined || target.inFlight < best.inFlight)) best = target;
    }
    start = start + 1 >= targets.length ? 0 : start + 1;
    return best ?? retryFallback(targets, now, tried);
  };
}
