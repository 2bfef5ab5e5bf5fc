import type { Result } from 'ioredis';

// One instance's heartbeat, atomic and timed by Redis's own clock: the instance enters
// the sorted set of active instances at Redis's time, entries older than the TTL leave,
// and the set expires unless refreshed. Gateways with skewed clocks therefore agree on
// who is active, and each learns Redis's time to align its windows with the others'.
//
// KEYS[1] sorted set of active instances
// ARGV    instance id, instance TTL ms
// returns {seconds, microseconds, active instances}
export const HEARTBEAT_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local ttl = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - ttl)
redis.call('PEXPIRE', KEYS[1], ttl * 2)
return {time[1], time[2], redis.call('ZCARD', KEYS[1])}
`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    tollgateHeartbeat(key: string, instanceId: string, ttlMs: number): Result<[string, string, number], Context>;
  }
}
