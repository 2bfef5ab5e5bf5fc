import type { Result } from 'ioredis';

// One atomic step on a fixed-window counter: reserve between `need` and `want` units if
// the window still has `need` left. Leases are sized here, next to the count, so every
// instance sees the same headroom: at most the headroom divided by twice the number of
// active instances, and never less than `need`. Tokens handed out are counted at once,
// so the sum of all leases can never pass the limit.
//
// KEYS[1] counter key (one per scope and window)
// ARGV    limit, want, need, ttl ms, active instances
// returns {granted, count after the grant}
export const RESERVE_SCRIPT = `
local limit = tonumber(ARGV[1])
local want = tonumber(ARGV[2])
local need = tonumber(ARGV[3])
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
local left = limit - count
if left < need then return {0, count} end
local grant = math.floor(left / (2 * tonumber(ARGV[5])))
if grant > want then grant = want end
if grant < need then grant = need end
count = redis.call('INCRBY', KEYS[1], grant)
if count == grant then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
return {grant, count}
`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    tollgateReserve(key: string, limit: number, want: number, need: number, ttlMs: number, instances: number): Result<[number, number], Context>;
  }
}
