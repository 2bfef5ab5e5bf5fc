import type { SnapshotUpstream } from '@tollgate/db';
import { afterAll, describe, expect, it } from 'vitest';
import { createUpstreamBalancer, type UpstreamBalancer } from './upstream-balancer';
import { UpstreamPools } from './upstream-pools';

const pools = new UpstreamPools({ connections: 1, connectTimeoutMs: 1_000 });
afterAll(() => pools.close(100));

let nextId = 0;
function upstream(loadBalancing: SnapshotUpstream['loadBalancing'], weights: number[]): SnapshotUpstream {
  return {
    id: `u${nextId++}`,
    loadBalancing,
    settings: {},
    targets: weights.map((weight, i) => ({ id: `t${i}`, url: `http://127.0.0.1:${4000 + i}/p${i}/`, weight })),
  };
}

const now = Date.now();
const picks = (balancer: UpstreamBalancer, n: number) => Array.from({ length: n }, () => balancer.pick(now)!.id).join(' ');

describe('createUpstreamBalancer', () => {
  it('round-robins and leaves out weight 0', () => {
    expect(picks(createUpstreamBalancer(upstream('round_robin', [1, 0, 5]), pools), 4)).toBe('t0 t2 t0 t2');
  });

  it('spreads weighted picks smoothly', () => {
    expect(picks(createUpstreamBalancer(upstream('weighted', [3, 1]), pools), 8)).toBe('t0 t0 t1 t0 t0 t0 t1 t0');
  });

  it('sends to the target with the fewest requests in flight', () => {
    const balancer = createUpstreamBalancer(upstream('least_connections', [1, 1, 1]), pools);
    balancer.targets[0]!.inFlight = 2;
    balancer.targets[1]!.inFlight = 1;
    expect(balancer.pick(now)!.id).toBe('t2');
    balancer.targets[2]!.inFlight = 5;
    expect(balancer.pick(now)!.id).toBe('t1');
  });

  it('has nothing to pick when every weight is 0', () => {
    expect(createUpstreamBalancer(upstream('round_robin', [0, 0]), pools).pick(now)).toBeUndefined();
  });

  it('skips unhealthy and ejected targets, and has nothing when all are out', () => {
    for (const kind of ['round_robin', 'weighted', 'least_connections'] as const) {
      const balancer = createUpstreamBalancer(upstream(kind, [1, 2, 1]), pools);
      balancer.targets[0]!.healthy = false;
      balancer.targets[1]!.ejectedUntil = now + 1_000;
      expect(picks(balancer, 3)).toBe('t2 t2 t2');
      expect(balancer.pick(now + 1_000)).toBeDefined();
      balancer.targets[2]!.healthy = false;
      expect(balancer.pick(now)).toBeUndefined();
    }
  });

  it('prefers a target not tried yet, and falls back to a tried one when no other is left', () => {
    const balancer = createUpstreamBalancer(upstream('round_robin', [1, 1]), pools);
    const [a, b] = balancer.targets;
    expect(balancer.pick(now, [a!])).toBe(b);
    expect(balancer.pick(now, [a!])).toBe(b);
    b!.healthy = false;
    expect(balancer.pick(now, [a!])).toBe(a);
  });

  it('keeps target state across reloads of the same upstream, by URL', () => {
    const source = upstream('round_robin', [1, 1]);
    const first = createUpstreamBalancer(source, pools);
    first.targets[0]!.healthy = false;
    const second = createUpstreamBalancer({ ...source, targets: [...source.targets, { id: 'new', url: 'http://127.0.0.1:4999/', weight: 1 }] }, pools);
    expect(second.targets[0]).toBe(first.targets[0]);
    expect(second.targets[0]!.healthy).toBe(false);
    expect(second.targets).toHaveLength(3);
    expect(second.state).toBe(first.state);
  });

  it('splits each target URL into a pooled origin and a path prefix', () => {
    const [target] = createUpstreamBalancer(upstream('round_robin', [1]), pools).targets;
    expect(target).toMatchObject({ origin: 'http://127.0.0.1:4000', prefix: '/p0' });
    expect(target!.pool).toBe(pools.get('http://127.0.0.1:4000'));
  });
});
