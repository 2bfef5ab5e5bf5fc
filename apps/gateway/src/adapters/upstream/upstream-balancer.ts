import type { SnapshotUpstream } from '@tollgate/db';
import type { Pool } from 'undici';
import type { UpstreamPools } from './upstream-pools';

export interface UpstreamTarget {
  readonly id: string;
  readonly url: string;
  readonly origin: string;
  /** The target URL's path without a trailing slash ('' for none); upstream paths start with it. */
  readonly prefix: string;
  readonly weight: number;
  readonly pool: Pool;
  /** Requests in flight through this target (least-connections reads it). */
  inFlight: number;
  /** Running score of smooth weighted round robin. */
  score: number;
}

export interface UpstreamBalancer {
  readonly targets: readonly UpstreamTarget[];
  /** The target for the next request, or undefined when there is none. */
  pick(): UpstreamTarget | undefined;
}

/** Builds the balancer an upstream's settings ask for. Targets of weight 0 take no traffic. */
export function createUpstreamBalancer(upstream: SnapshotUpstream, pools: UpstreamPools): UpstreamBalancer {
  const targets = upstream.targets
    .filter((target) => target.weight > 0)
    .map((target): UpstreamTarget => {
      const url = new URL(target.url);
      return {
        id: target.id,
        url: target.url,
        origin: url.origin,
        prefix: url.pathname.replace(/\/+$/, ''),
        weight: target.weight,
        pool: pools.get(url.origin),
        inFlight: 0,
        score: 0,
      };
    });
  if (targets.length <= 1) return single(targets);
  switch (upstream.loadBalancing) {
    case 'weighted':
      return weighted(targets);
    case 'least_connections':
      return leastConnections(targets);
    default:
      return roundRobin(targets);
  }
}

function single(targets: UpstreamTarget[]): UpstreamBalancer {
  const only = targets[0];
  return { targets, pick: () => only };
}

function roundRobin(targets: UpstreamTarget[]): UpstreamBalancer {
  let next = 0;
  return {
    targets,
    pick() {
      const target = targets[next]!;
      next = next + 1 === targets.length ? 0 : next + 1;
      return target;
    },
  };
}

/** Smooth weighted round robin (as nginx): weights 3:1 give a a b a, never a a a b. */
function weighted(targets: UpstreamTarget[]): UpstreamBalancer {
  const total = targets.reduce((sum, target) => sum + target.weight, 0);
  return {
    targets,
    pick() {
      let best = targets[0]!;
      for (const target of targets) {
        target.score += target.weight;
        if (target.score > best.score) best = target;
      }
      best.score -= total;
      return best;
    },
  };
}

function leastConnections(targets: UpstreamTarget[]): UpstreamBalancer {
  let start = 0;
  return {
    targets,
    pick() {
      let best = targets[start]!;
      for (let i = 1; i < targets.length; i++) {
        const target = targets[(start + i) % targets.length]!;
        if (target.inFlight < best.inFlight) best = target;
      }
      start = start + 1 === targets.length ? 0 : start + 1;
      return best;
    },
  };
}
