import type { Result } from 'ioredis';

// Gives unspent units back to a counter, only while it exists: a counter that expired or
// was flushed is not recreated (DECRBY on a missing key would leave one without a TTL).
//
// KEYS[1] counter key
// ARGV    units
// returns the count after, or -1 when the counter was gone
export const RELEASE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
return redis.call('DECRBY', KEYS[1], ARGV[1])
`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    tollgateRelease(key: string, units: number): Result<number, Context>;
  }
}
