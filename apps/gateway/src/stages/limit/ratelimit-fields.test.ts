import { serializeList, type List } from 'structured-headers';
import { describe, expect, it } from 'vitest';
import type { LimitCheck } from '../../adapters/rate-limit/limit-check';
import { serializePolicies, serializeRateLimit } from './ratelimit-fields';

const check = (limit: number, remaining: number, windowEnd: number): LimitCheck => ({ scope: 's', limit, cost: 1, windowStart: 0, windowEnd, remaining });
const item = (name: string, parameters: Record<string, number>): List[number] => [name, new Map(Object.entries(parameters))];

describe('RateLimit field serializers', () => {
  it('write RateLimit-Policy exactly as a Structured Fields serializer does', () => {
    const policies = [
      { name: 'minute', quota: 100, windowSeconds: 60 },
      { name: 'month', quota: 10_000, windowSeconds: 2_592_000 },
    ];
    expect(serializePolicies(policies)).toBe(serializeList(policies.map((p) => item(p.name, { q: p.quota, w: p.windowSeconds }))));
  });

  it('write RateLimit for every policy of an admitted call, and only the refusing one otherwise', () => {
    const checks = [check(100, 42, 18_000), check(10_000, 9_000, 86_400_500)];
    expect(serializeRateLimit(['minute', 'month'], checks, -1, 0)).toBe(serializeList([item('minute', { r: 42, t: 18 }), item('month', { r: 9_000, t: 86_401 })]));
    expect(serializeRateLimit(['minute', 'month'], checks, 1, 0)).toBe(serializeList([item('month', { r: 9_000, t: 86_401 })]));
  });

  it('never reports a reset below one second', () => {
    expect(serializeRateLimit(['second'], [check(5, 0, 1_000)], 0, 1_000)).toBe('"second";r=0;t=1');
  });
});
