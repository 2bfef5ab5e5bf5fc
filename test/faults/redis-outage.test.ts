// Redis stopped under load and started again: the gateway keeps answering, limits per
// instance while Redis is away (or fails closed where an API asks), and goes back to
// shared counters by itself.
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { applyLimitConfig, burst, call, count, startGateways, type LimitPlan } from '../../apps/gateway/src/integration/limits-fixture';
import type { RunningGateway } from '../../apps/gateway/src/start-gateway';
import { eventually } from '../../apps/gateway/src/testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../../apps/gateway/src/testing/test-upstream';
import { PrivateRedis } from '../support/private-redis';

const t = useTestDatabase();
const PLANS: LimitPlan[] = [
  { slug: 'steady', rateLimit: { requests: 100_000, per: 'hour' } },
  { slug: 'down', rateLimit: { requests: 10, per: 'hour' } },
  { slug: 'closed', rateLimit: { requests: 10, per: 'hour' } },
  { slug: 'after', rateLimit: { requests: 10, per: 'hour' } },
];
let upstream: TestUpstream;
let redis: PrivateRedis;
let gateways: RunningGateway[] = [];
let keys: Record<string, string>;

beforeAll(async () => {
  upstream = await startTestUpstream();
  redis = await PrivateRedis.start();
  keys = await applyLimitConfig(t.db, upstream.url, PLANS);
  gateways = await startGateways(2, t.url, { REDIS_URL: redis.url, GATEWAY_REDIS_TIMEOUT_MS: 200 });
  // Both instances have seen each other in Redis, so a lost Redis splits limits in two.
  for (const gateway of gateways) await eventually(async () => expect(await metric(gateway, 'tollgate_gateway_rate_limiter_instances')).toBe(2), 15_000);
});

afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.close()));
  await upstream?.close();
  await redis?.close();
});

async function metric(gateway: RunningGateway, name: string): Promise<number> {
  const text = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
}

const degradedGauge = (gateway: RunningGateway) => metric(gateway, 'tollgate_gateway_rate_limiter_degraded_state');

it('keeps serving through a Redis outage, limits per instance, fails closed where asked, and shares limits again after', { timeout: 120_000 }, async () => {
  // Load on two gateways while Redis goes away.
  const statuses: number[] = [];
  let loading = true;
  const workers = Array.from({ length: 4 }, async (_, worker) => {
    for (let i = 0; loading; i++) statuses.push((await call(gateways[(worker + i) % 2]!, keys.steady!)).status);
  });
  await eventually(async () => expect(statuses.length).toBeGreaterThanOrEqual(8), 20_000);
  await redis.stop();
  const stoppedAt = statuses.length;
  await eventually(async () => expect(statuses.length).toBeGreaterThanOrEqual(stoppedAt + 12), 20_000);
  loading = false;
  await Promise.all(workers);
  expect(statuses.filter((status) => status >= 500)).toEqual([]);
  expect(await degradedGauge(gateways[0]!)).toBe(1);

  // Redis down: each instance limits on its own, with its share of the limit.
  const down = await burst(gateways, keys.down!, 40);
  expect(down.filter((status) => status >= 500)).toEqual([]);
  expect(count(down, 200)).toBeGreaterThan(0);
  expect(count(down, 200)).toBeLessThanOrEqual(10);
  expect(count(down, 429)).toBeGreaterThanOrEqual(30);

  // An API that fails closed answers 503 while the limiter is unreachable.
  keys = await applyLimitConfig(t.db, upstream.url, PLANS, { failClosed: true });
  const revision = Number((await t.db.configState.findUniqueOrThrow({ where: { id: 1 } })).revision);
  for (const gateway of gateways) await eventually(async () => expect(gateway.revision).toBe(revision), 3_000);
  const closed = await call(gateways[0]!, keys.closed!);
  expect(closed.status).toBe(503);
  expect(closed.body).toMatchObject({ code: 'rate_limiter_unavailable' });

  // Redis back: shared counters resume without a restart.
  await redis.start();
  for (const gateway of gateways) {
    await eventually(async () => {
      await call(gateway, keys.steady!);
      expect(await degradedGauge(gateway)).toBe(0);
    }, 10_000);
  }
  const after = await burst(gateways, keys.after!, 40);
  expect(count(after, 200)).toBe(10);
  expect(count(after, 429)).toBe(30);
  expect((await call(gateways[1]!, keys.closed!)).status).toBe(200);
});
