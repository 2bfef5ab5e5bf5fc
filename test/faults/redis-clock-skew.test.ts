// Two gateway processes whose clocks are 45 s apart (Debian's faketime) share one private
// Redis: they still enforce one limit, because windows follow Redis's clock (TIME, read
// with each heartbeat), and a burst across window boundaries stays within RFC 0006's
// accuracy: at most the limit in each window, the windows being Redis's.
import { useTestDatabase } from '@tollgate/db/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { applyLimitConfig, uniquePrefix } from '../../apps/gateway/src/integration/limits-fixture';
import { eventually } from '../../apps/gateway/src/testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../../apps/gateway/src/testing/test-upstream';
import { startGatewayProcess, type GatewayProcess } from '../support/gateway-process';
import { PrivateRedis } from '../support/private-redis';

const SKEW_S = 45;
const t = useTestDatabase();
let upstream: TestUpstream;
let redis: PrivateRedis;
let probe: Redis;
let keys: Record<string, string>;
const gateways: GatewayProcess[] = [];
const prefix = uniquePrefix();
/** When the first gateway's clock last started a minute (in real time). */
let minuteStartedAt = 0;

beforeAll(async () => {
  upstream = await startTestUpstream();
  redis = await PrivateRedis.start();
  probe = await redis.client();
  keys = await applyLimitConfig(t.db, upstream.url, [
    { slug: 'minute', rateLimit: { requests: 10, per: 'minute' } },
    { slug: 'second', rateLimit: { requests: 5, per: 'second' } },
  ]);
  // The first gateway's clock starts a minute as it starts, the second's is 45 s ahead: for
  // the next 15..60 s their own clocks put them in different minutes.
  const lead = (60 - (Math.floor(Date.now() / 1000) % 60)) % 60;
  minuteStartedAt = Date.now();
  const env = { DATABASE_URL: t.url, REDIS_URL: redis.url, GATEWAY_REDIS_PREFIX: prefix, GATEWAY_REDIS_TIMEOUT_MS: '5000' };
  // One after the other: two compiling at once on a busy machine stall each other's start.
  gateways.push(await startGatewayProcess({ env, faketime: `+${lead}s` }));
  gateways.push(await startGatewayProcess({ env, faketime: `+${lead + SKEW_S}s` }));
  for (const gateway of gateways) await eventually(async () => expect(await metric(gateway, 'tollgate_gateway_rate_limiter_instances')).toBe(2), 20_000);
}, 150_000);

afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.kill('SIGTERM')));
  probe?.disconnect();
  await upstream?.close();
  await redis?.close();
});

async function metric(gateway: GatewayProcess, name: string): Promise<number> {
  const text = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
}

async function status(gateway: GatewayProcess, key: string): Promise<number> {
  const response = await fetch(`${gateway.url}/limited/cheap`, { headers: { 'x-api-key': key } });
  await response.arrayBuffer();
  return response.status;
}

async function redisNow(): Promise<number> {
  const [seconds, microseconds] = await probe.time();
  return Number(seconds) * 1000 + Math.floor(Number(microseconds) / 1000);
}

it('runs the two gateways 45 s apart, each measuring its offset to Redis', async () => {
  const lead = (await metric(gateways[0]!, 'tollgate_gateway_rate_limiter_clock_offset_seconds')) * -1;
  const skewed = (await metric(gateways[1]!, 'tollgate_gateway_rate_limiter_clock_offset_seconds')) * -1;
  expect(Math.abs(skewed - lead - SKEW_S)).toBeLessThan(1);
});

it('admits one limit across both gateways while their own clocks are in different minutes', { timeout: 60_000 }, async () => {
  // From 15 s into the first gateway's minute, the second's clock is in the next minute;
  // 5 s before the end of it at the latest, so the burst ends inside it.
  const phase = (Date.now() - minuteStartedAt) % 60_000;
  if (phase < 16_000 || phase > 55_000) await new Promise((resolve) => setTimeout(resolve, (76_000 - phase) % 60_000));
  const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) => status(gateways[i % 2]!, keys.minute!)));
  expect(statuses.filter((s) => s === 200)).toHaveLength(10);
  expect(statuses.filter((s) => s === 429)).toHaveLength(30);
});

it('keeps a burst across second boundaries to the limit in each of Redis\'s windows', { timeout: 60_000 }, async () => {
  const earlier = new Set(await probe.keys(`${prefix}r:*`));
  const from = await redisNow();
  let admitted = 0;
  const workers = Array.from({ length: 6 }, async (_, worker) => {
    while ((await redisNow()) < from + 2_500) if ((await status(gateways[worker % 2]!, keys.second!)) === 200) admitted++;
  });
  await Promise.all(workers);
  const to = await redisNow();
  const windows = Math.floor(to / 1000) - Math.floor(from / 1000) + 1;
  // The counters the burst left are Redis's one-second windows within its span, none over 5.
  const counters = (await probe.keys(`${prefix}r:*`)).filter((key) => !earlier.has(key));
  expect(counters.length).toBeGreaterThanOrEqual(2);
  const starts = counters.map((key) => Number(key.slice(key.lastIndexOf(':') + 1)));
  for (const start of starts) {
    expect(start % 1000).toBe(0);
    expect(start).toBeGreaterThanOrEqual(Math.floor(from / 1000) * 1000);
    expect(start).toBeLessThanOrEqual(to);
  }
  for (const count of await Promise.all(counters.map((key) => probe.get(key)))) expect(Number(count)).toBeLessThanOrEqual(5);
  expect(admitted).toBeGreaterThan(0);
  expect(admitted).toBeLessThanOrEqual(5 * windows);
});
