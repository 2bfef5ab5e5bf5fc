// The RateLimit field a limited answer carries, serialized two ways side by side: the
// gateway's hand-written serializer and the structured-headers library's serializeList,
// for a plan with a per-minute limit and a monthly quota (the same bytes, checked first).
//
//   npx tsx bench/ratelimit-fields.ts [--calls 1000000]
import { serializeList } from 'structured-headers';
import type { LimitCheck } from '../apps/gateway/src/adapters/rate-limit/limit-check';
import { secondsToReset, serializeRateLimit } from '../apps/gateway/src/stages/limit/ratelimit-fields';

const args = process.argv.slice(2);
const calls = Number(args[args.indexOf('--calls') + 1] ?? 0) || 1_000_000;
const names = ['minute', 'month'];
const checks: LimitCheck[] = [
  { scope: 'r', limit: 100, cost: 1, windowStart: 0, windowEnd: 60_000, remaining: 42 },
  { scope: 'q', limit: 10_000, cost: 1, windowStart: 0, windowEnd: 2_592_000_000, remaining: 9_000 },
];

const handWritten = (now: number) => serializeRateLimit(names, checks, -1, now);
const library = (now: number) =>
  serializeList(checks.map((check, i) => [names[i]!, new Map([['r', check.remaining], ['t', secondsToReset(check, now)]])]));

if (handWritten(1_234) !== library(1_234)) throw new Error(`outputs differ: ${handWritten(1_234)} / ${library(1_234)}`);

function nsPerCall(serialize: (now: number) => string): number {
  let bytes = 0;
  for (let i = 0; i < 100_000; i++) bytes += serialize(i).length;
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) bytes += serialize(i).length;
  if (bytes === 0) throw new Error('nothing serialized');
  return Number(process.hrtime.bigint() - started) / calls;
}

const hand = nsPerCall(handWritten);
const lib = nsPerCall(library);
console.log(`| serializer | ns per RateLimit value |\n| --- | ---: |\n| hand-written | ${hand.toFixed(0)} |\n| structured-headers | ${lib.toFixed(0)} |`);
console.log(`library / hand-written: ${(lib / hand).toFixed(1)}x`);
