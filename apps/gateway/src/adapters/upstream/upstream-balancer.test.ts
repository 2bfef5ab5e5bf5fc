import type { SnapshotUpstream } from '@tollgate/db';
import { afterAll, describe, expect, it } from 'vitest';
import { createUpstreamBalancer } from './upstream-balancer';
import { UpstreamPools } from './upstream-pools';

const pools = new UpstreamPools({ connections: 1, connectTimeoutMs: 1_000 });
afterAll(() => pools.close(100));

function upstream(loadBalancing: SnapshotUpstream['loadBalancing'], weights: number[]): SnapshotUpstream {
  return {
    id: 'u',
    loadBalancing,
    settings: {},
    targets: weights.map((weight, i) => ({ id: `t${i}`, url: `http://127.0.0.1:${4000 + i}/p${i}/`, weight })),
  };
}

const picks = (balancer: ReturnType<typeof createUpstreamBalancer>, n: number) => Array.from({ length: n }, () => balancer.pick()!.id).join(' ');

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
    expect(balancer.pick()!.id).toBe('t2');
    balancer.targets[2]!.inFlight = 5;
    expect(balancer.pick()!.id).toBe('t1');
  });

  it('has nothing to pick when every weight is 0', () => {
    expect(createUpstreamBalancer(upstream('round_robin', [0, 0]), pools).pick()).toBeUndefined();
  });

  it('splits each target URL into a pooled origin and a path prefix', () => {
    const [target] = createUpstreamBalancer(upstream('round_robin', [1]), pools).targets;
    expect(target).toMatchObject({ origin: 'http://127.0.0.1:4000', prefix: '/p0' });
    expect(target!.pool).toBe(pools.get('http://127.0.0.1:4000'));
  });
});
