// Rate-limit accuracy and Redis traffic of the lease limiter: several limiter
// instances (each with its own Redis connection, as separate gateways would have) share
// one counter; a burst of 3 x the limit is spread over them concurrently and the
// admitted count is compared with the limit. Then steady traffic well under a large
// limit shows how many Redis calls 1,000 requests cost.
//
//   npx tsx bench/rate-limit-accuracy.ts [--max-lease 1000]
//
// Uses REDIS_URL (default redis://127.0.0.1:6379); keys live under a random prefix and
// expire with their one-minute window.
import { randomBytes } from 'node:crypto';
import { windowStart } from '@tollgate/domain';
import { pino } from 'pino';
import { LeaseLimiter } from '../apps/gateway/src/adapters/rate-limit/lease-limiter';
import { ADMITTED, type LimitCheck } from '../apps/gateway/src/adapters/rate-limit/limit-check';
import { RedisCounterStore } from '../apps/gateway/src/adapters/rate-limit/redis-counter-store';
import { createRedis } from '../apps/gateway/src/adapters/redis/create-redis';
import { numberArg } from './lib/options';

const maxLease = numberArg('max-lease', 1_000);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const log = pino({ level: 'silent' });
const WINDOW_MS = 60_000;

interface Fleet {
  limiters: LeaseLimiter[];
  stores: RedisCounterStore[];
  close(): Promise<void>;
}

async function fleet(size: number, prefix: string, lease: number): Promise<Fleet> {
  const stores: RedisCounterStore[] = [];
  const limiters: LeaseLimiter[] = [];
  for (let i = 0; i < size; i++) {
    const redis = createRedis({ url: redisUrl, commandTimeoutMs: 1_000, log });
    await new Promise<void>((resolve) => redis.once('ready', () => resolve()));
    const store = new RedisCounterStore(redis, `bench-${i}`, prefix);
    stores.push(store);
    limiters.push(new LeaseLimiter({ store, clock: Date.now, prefix, maxLease: lease, log, metrics: null }));
  }
  await Promise.all(stores.map((store) => store.heartbeat()));
  return { limiters, stores, close: async () => void (await Promise.all(limiters.map((limiter) => limiter.close()))) };
}

function check(scope: string, limit: number): LimitCheck[] {
  const start = windowStart(Date.now(), WINDOW_MS);
  return [{ scope, limit, cost: 1, windowStart: start, windowEnd: start + WINDOW_MS, remaining: 0 }];
}

async function burst(size: number, limit: number): Promise<{ admitted: number; calls: number; requests: number }> {
  const prefix = `bench:${randomBytes(4).toString('hex')}:`;
  const { limiters, stores, close } = await fleet(size, prefix, maxLease);
  const requests = limit * 3;
  const decisions = await Promise.all(Array.from({ length: requests }, (_, i) => limiters[i % size]!.take(check('s', limit), false)));
  const calls = stores.reduce((sum, store) => sum + store.calls, 0);
  await close();
  return { admitted: decisions.filter((decision) => decision === ADMITTED).length, calls, requests };
}

async function steady(size: number, lease: number, requests: number): Promise<{ calls: number; admitted: number }> {
  const prefix = `bench:${randomBytes(4).toString('hex')}:`;
  const { limiters, stores, close } = await fleet(size, prefix, lease);
  let admitted = 0;
  const perRound = 50 * size;
  for (let done = 0; done < requests; done += perRound) {
    const round = await Promise.all(Array.from({ length: perRound }, (_, i) => limiters[i % size]!.take(check('s', 10_000_000), false)));
    admitted += round.filter((decision) => decision === ADMITTED).length;
  }
  const calls = stores.reduce((sum, store) => sum + store.calls, 0);
  await close();
  return { calls, admitted };
}

/** Every instance sees a little traffic (and leases), then all traffic moves to one: units left in idle leases are never spent. */
async function skewed(size: number, limit: number): Promise<{ admitted: number }> {
  const prefix = `bench:${randomBytes(4).toString('hex')}:`;
  const { limiters, close } = await fleet(size, prefix, maxLease);
  const warm = await Promise.all(limiters.flatMap((limiter) => Array.from({ length: 20 }, () => limiter.take(check('s', limit), false))));
  const rest = await Promise.all(Array.from({ length: limit * 3 }, () => limiters[0]!.take(check('s', limit), false)));
  await close();
  return { admitted: [...warm, ...rest].filter((decision) => decision === ADMITTED).length };
}

const per1000 = (calls: number, requests: number) => ((calls / requests) * 1000).toFixed(1);

console.log(`lease limiter, max lease ${maxLease}, Redis ${redisUrl}\n`);
console.log('burst of 3 x limit, all at once, spread round-robin over the instances');
console.log('| instances | limit | requests | admitted | admitted / limit | Redis calls | calls per 1,000 requests |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const size of [1, 2, 4, 8]) {
  for (const limit of [10, 100, 1_000]) {
    const { admitted, calls, requests } = await burst(size, limit);
    console.log(`| ${size} | ${limit} | ${requests} | ${admitted} | ${(admitted / limit).toFixed(3)} | ${calls} | ${per1000(calls, requests)} |`);
  }
}

console.log('\nskewed: 20 concurrent requests on every instance, then 3 x limit on one instance only');
console.log('| instances | limit | admitted | admitted / limit |');
console.log('| ---: | ---: | ---: | ---: |');
for (const size of [2, 4, 8]) {
  for (const limit of [100, 1_000]) {
    const { admitted } = await skewed(size, limit);
    console.log(`| ${size} | ${limit} | ${admitted} | ${(admitted / limit).toFixed(3)} |`);
  }
}

console.log('\nsteady traffic far under the limit (50 concurrent requests per instance per round)');
console.log('| instances | max lease | requests | Redis calls | calls per 1,000 requests |');
console.log('| ---: | ---: | ---: | ---: | ---: |');
for (const size of [1, 4]) {
  for (const lease of [1, 100, maxLease]) {
    const requests = 20_000;
    const { calls, admitted } = await steady(size, lease, requests);
    console.log(`| ${size} | ${lease} | ${admitted} | ${calls} | ${per1000(calls, admitted)} |`);
  }
}
process.exit(0);
