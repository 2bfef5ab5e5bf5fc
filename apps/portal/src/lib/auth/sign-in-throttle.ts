import 'server-only';
import { Redis } from 'ioredis';
import { env } from '@/env';
import { MemoryThrottleStore } from './memory-throttle-store';
import { RedisThrottleStore } from './redis-throttle-store';
import type { ThrottlePolicy, ThrottleStore } from './throttle-store';

const MINUTE = 60_000;

/** Five wrong passwords for one account within 15 minutes lock it for 1, 2, 4 … up to 60 minutes. */
export const ACCOUNT_POLICY: ThrottlePolicy = { limit: 5, windowMs: 15 * MINUTE, baseLockMs: MINUTE, maxLockMs: 60 * MINUTE };
/** One address may fail more often (several people behind one NAT), then it is locked the same way. */
export const ADDRESS_POLICY: ThrottlePolicy = { limit: 30, windowMs: 15 * MINUTE, baseLockMs: MINUTE, maxLockMs: 60 * MINUTE };

/** A Redis client that fails a command within about a second and reports an outage once, not per retry. */
function connectRedis(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 1_000, lazyConnect: true });
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) console.error(`portal: Redis for the sign-in throttle is unreachable (${error.message})`);
    down = true;
  });
  redis.on('ready', () => (down = false));
  return redis;
}

const STORE = Symbol.for('tollgate.portal.signInThrottleStore');

/** The throttle's one store (Redis when REDIS_URL is set), shared with the account-request throttle. */
export function throttleStore(): ThrottleStore {
  const holder = globalThis as { [STORE]?: ThrottleStore };
  if (!holder[STORE]) {
    holder[STORE] = env.REDIS_URL ? new RedisThrottleStore(connectRedis(env.REDIS_URL)) : new MemoryThrottleStore();
  }
  return holder[STORE];
}

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

// A throttle whose store is down must not lock everyone out: it lets the attempt through
// (the password is still checked) and says so in the log.
export async function orOpen<T>(work: Promise<T>, fallback: T): Promise<T> {
  try {
    return await work;
  } catch (error) {
    console.error('portal: sign-in throttle store failed; not throttling this attempt', error);
    return fallback;
  }
}

/** Milliseconds until this account may try again from this address; 0 when it may now. */
export async function signInWaitMs(email: string, address: string, now = Date.now()): Promise<number> {
  const [account, client] = await Promise.all([
    orOpen(throttleStore().lockedUntil(accountKey(email)), 0),
    orOpen(throttleStore().lockedUntil(addressKey(address)), 0),
  ]);
  return Math.max(0, account - now, client - now);
}

export async function recordSignInFailure(email: string, address: string, now = Date.now()): Promise<void> {
  await Promise.all([
    orOpen(throttleStore().recordFailure(accountKey(email), ACCOUNT_POLICY, now), 0),
    orOpen(throttleStore().recordFailure(addressKey(address), ADDRESS_POLICY, now), 0),
  ]);
}

/** A right password clears the account's count (the address keeps its own). */
export async function recordSignInSuccess(email: string): Promise<void> {
  await orOpen(throttleStore().reset(accountKey(email)), undefined);
}
