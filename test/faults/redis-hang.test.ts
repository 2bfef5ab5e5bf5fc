// Redis hung (SIGSTOP, then DEBUG SLEEP) and flushed mid-window, under load on two
// gateways: no 5xx but the declared fail-closed 503, no answer waits much past
// GATEWAY_REDIS_TIMEOUT_MS, the commands held for a frozen Redis stay few, limits follow
// the API's policy (per-instance shares, or 503 where it fails closed), and no key in
// Redis is ever left without a TTL.
import { createApiKey } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { applyLimitConfig, burst, call, count, startGateways, type LimitPlan } from '../../apps/gateway/src/integration/limits-fixture';
import type { RunningGateway } from '../../apps/gateway/src/start-gateway';
import { eventually } from '../../apps/gateway/src/testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../../apps/gateway/src/testing/test-upstream';
import { keysWithoutTtl, PrivateRedis } from '../support/private-redis';

const REDIS_TIMEOUT_MS = 250;
/** What a loaded 2-core machine may add to an answer on top of the Redis timeout. */
const MARGIN_MS = 2_500;
/** How long each hang lasts: well past timeout + margin, so a client without a timeout fails. */
const HANG_MS = 5_000;

const t = useTestDatabase();
const PLANS: LimitPlan[] = [
  { slug: 'steady', rateLimit: { requests: 1_000_000, per: 'hour' } },
  { slug: 'frozen', rateLimit: { requests: 10, per: 'hour' } },
  { slug: 'flushed', rateLimit: { requests: 10, per: 'hour' } },
  { slug: 'leased', rateLimit: { requests: 1_000, per: 'hour' } },
];
let upstream: TestUpstream;
let redis: PrivateRedis;
let probe: Redis;
let gateways: RunningGateway[] = [];
let keys: Record<string, string>;
/** Keys of one app on a route limited per key: the load spreads over many counters. */
let loadKeys: string[];

beforeAll(async () => {
  upstream = await startTestUpstream();
  redis = await PrivateRedis.start();
  probe = await redis.client();
  keys = await applyLimitConfig(t.db, upstream.url, PLANS);
  // One after the other: concurrent transactions on a busy machine wait past Prisma's start limit.
  loadKeys = [];
  for (let i = 0; i < 16; i++) loadKeys.push((await createApiKey(t.db, { appSlug: 'app-steady' })).key);
  // Small leases, so the load keeps going back to Redis while it hangs.
  gateways = await startGateways(2, t.url, { REDIS_URL: redis.url, GATEWAY_REDIS_TIMEOUT_MS: REDIS_TIMEOUT_MS, GATEWAY_RATE_LIMIT_MAX_LEASE: 4 });
  for (const gateway of gateways) await eventually(async () => expect(await metric(gateway, 'tollgate_gateway_rate_limiter_instances')).toBe(2), 15_000);
});

const stopLoads: Array<() => Promise<unknown>> = [];

afterAll(async () => {
  redis?.thaw();
  await Promise.all(stopLoads.map((stop) => stop()));
  await Promise.all(gateways.map((gateway) => gateway.close()));
  probe?.disconnect();
  await upstream?.close();
  await redis?.close();
});

async function metric(gateway: RunningGateway, name: string): Promise<number> {
  const text = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
}

interface Timed {
  status: number;
  code: unknown;
  ms: number;
}

/** Load on both gateways over many per-key counters, every answer timed; stops when asked. */
function startLoad() {
  const answers: Timed[] = [];
  let running = true;
  const workers = Array.from({ length: 4 }, async (_, worker) => {
    for (let i = 0; running; i++) {
      const started = performance.now();
      const answer = await call(gateways[(worker + i) % 2]!, loadKeys[(worker * 7 + i) % loadKeys.length]!, '/limited/per-key').catch(() => ({ status: 0, body: { code: 'no answer' } }));
      answers.push({ status: answer.status, code: answer.body.code, ms: performance.now() - started });
    }
  });
  const load = {
    answers,
    async stop(): Promise<Timed[]> {
      running = false;
      await Promise.all(workers);
      return answers;
    },
  };
  stopLoads.push(load.stop);
  return load;
}

/** Scans every key's TTL every 100 ms while Redis answers; collects keys found without one. */
function watchTtls() {
  const found = new Set<string>();
  let running = true;
  const loop = (async () => {
    while (running) {
      for (const key of await keysWithoutTtl(probe).catch(() => [])) found.add(key);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    async stop(): Promise<string[]> {
      running = false;
      await loop;
      for (const key of await keysWithoutTtl(probe)) found.add(key);
      return [...found];
    },
  };
}

async function answersDuring(load: ReturnType<typeof startLoad>, hang: Promise<unknown>): Promise<Timed[]> {
  const from = load.answers.length;
  await hang;
  return load.answers.slice(from);
}

it('answers within the Redis timeout through SIGSTOP, DEBUG SLEEP and FLUSHALL, per the declared policy, with a TTL on every key', { timeout: 60_000 }, async () => {
  const ttls = watchTtls();
  const load = startLoad();
  await eventually(async () => expect(load.answers.length).toBeGreaterThanOrEqual(20), 20_000);

  // SIGSTOP: the connection stays open and nothing answers. The API limits per instance.
  redis.freeze();
  const frozenFrom = load.answers.length;
  const frozenBurst = burst(gateways, keys.frozen!, 40);
  let pendingMax = 0;
  const frozenUntil = performance.now() + HANG_MS;
  while (performance.now() < frozenUntil) {
    for (const gateway of gateways) pendingMax = Math.max(pendingMax, await metric(gateway, 'tollgate_gateway_rate_limiter_pending_commands'));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const frozen = await frozenBurst;
  const whileFrozen = load.answers.slice(frozenFrom);
  console.log(`redis frozen ${HANG_MS} ms: ${whileFrozen.length} answers, slowest ${Math.round(Math.max(...whileFrozen.map((a) => a.ms)))} ms, most pending commands ${pendingMax}`);
  for (const gateway of gateways) expect(await metric(gateway, 'tollgate_gateway_rate_limiter_degraded_state')).toBe(1);
  redis.thaw();
  // Each instance keeps to its half of 10 on its own.
  expect(count(frozen, 200)).toBeGreaterThan(0);
  expect(count(frozen, 200)).toBeLessThanOrEqual(10);
  expect(count(frozen, 200) + count(frozen, 429)).toBe(40);
  expect(whileFrozen.length).toBeGreaterThan(20);
  // A timed-out command drops the connection and the commands held for it: they do not pile
  // up for as long as Redis hangs (a few at a time, whatever the number of counters).
  expect(pendingMax).toBeLessThanOrEqual(8);
  for (const gateway of gateways) await eventually(async () => expect(await metric(gateway, 'tollgate_gateway_rate_limiter_degraded_state')).toBe(0), 15_000);
  const openAnswers = await load.stop();
  expect(openAnswers.filter((answer) => answer.status !== 200)).toEqual([]);

  // DEBUG SLEEP, with the API now failing closed: 503 rate_limiter_unavailable is its declared answer.
  keys = await applyLimitConfig(t.db, upstream.url, PLANS, { failClosed: true });
  const revision = Number((await t.db.configState.findUniqueOrThrow({ where: { id: 1 } })).revision);
  for (const gateway of gateways) await eventually(async () => expect(gateway.revision).toBe(revision), 10_000);
  const closedLoad = startLoad();
  await eventually(async () => expect(closedLoad.answers.length).toBeGreaterThanOrEqual(10), 20_000);
  const sleeper = await redis.client(HANG_MS * 4);
  const slept = await answersDuring(closedLoad, sleeper.call('DEBUG', 'SLEEP', String(HANG_MS / 1000)));
  sleeper.disconnect();
  expect(slept.length).toBeGreaterThan(10);
  expect(slept.filter((answer) => answer.status === 503).length).toBeGreaterThan(0);
  for (const gateway of gateways) await eventually(async () => expect(await metric(gateway, 'tollgate_gateway_rate_limiter_degraded_state')).toBe(0), 15_000);

  // FLUSHALL mid-window, under load: counters restart empty, every key written afterwards expires.
  expect((await burst(gateways, keys.flushed!, 6)).every((status) => status === 200)).toBe(true);
  await probe.flushall();
  const flushedFrom = closedLoad.answers.length;
  await eventually(async () => expect(closedLoad.answers.length).toBeGreaterThanOrEqual(flushedFrom + 20), 20_000);
  const closedAnswers = await closedLoad.stop();
  for (const answer of closedAnswers) if (answer.status !== 200) expect(answer).toMatchObject({ status: 503, code: 'rate_limiter_unavailable' });
  expect(closedAnswers.slice(flushedFrom).filter((answer) => answer.status !== 200)).toEqual([]);
  // A gateway holding an unspent lease (two calls: a lease of 1, then of 2) sees Redis
  // flushed, then stops and gives the unspent unit back to a counter that is gone.
  for (let i = 0; i < 2; i++) expect((await call(gateways[1]!, keys.leased!)).status).toBe(200);
  await probe.flushall();
  await gateways[1]!.close();
  const after = await burst([gateways[0]!], keys.flushed!, 20);
  expect(after.filter((status) => status >= 500)).toEqual([]);
  expect(count(after, 200)).toBeGreaterThan(0);

  const slowest = Math.max(...openAnswers.map((answer) => answer.ms), ...closedAnswers.map((answer) => answer.ms));
  expect(slowest).toBeLessThan(REDIS_TIMEOUT_MS + MARGIN_MS);
  expect(await ttls.stop()).toEqual([]);
});
