import type { Redis } from 'ioredis';
import type { ThrottlePolicy, ThrottleStore } from './throttle-store';

// One round trip, atomic across portal instances: count the failure, lock when over the
// limit (doubling from the base lockout, as lockoutMs does), keep the key while it matters.
const RECORD_FAILURE = `
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
local now, limit, base, max, window = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local lock = 0
if failures >= limit then
  lock = math.min(max, base * 2 ^ math.min(failures - limit, 30))
  redis.call('HSET', KEYS[1], 'lockedUntil', string.format('%d', now + lock))
end
redis.call('PEXPIRE', KEYS[1], string.format('%d', math.max(window, lock)))
if lock == 0 then return 0 end
return now + lock
`;

/** Failure counts in Redis, shared by every portal instance. */
export class RedisThrottleStore implements ThrottleStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'tollgate:portal:sign-in:',
  ) {}

  async lockedUntil(key: string): Promise<number> {
    return Number((await this.redis.hget(this.prefix + key, 'lockedUntil')) ?? 0);
  }

  async recordFailure(key: string, policy: ThrottlePolicy, now: number): Promise<number> {
    const args = [now, policy.limit, policy.baseLockMs, policy.maxLockMs, policy.windowMs].map(String);
    return Number(await this.redis.eval(RECORD_FAILURE, 1, this.prefix + key, ...args));
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}
