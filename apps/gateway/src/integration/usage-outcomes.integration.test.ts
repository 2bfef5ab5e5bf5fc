// The usage event tells why the gateway refused a call: a plan's rate limit, its quota and a
// refused credential each land in their own outcome class, in the request log and the rollups.
import { testRedisUrl, useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { eventually } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';
import { applyLimitConfig, call, startGateways } from './limits-fixture';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;
let keys: Record<string, string>;

beforeAll(async () => {
  upstream = await startTestUpstream();
  keys = await applyLimitConfig(t.db, upstream.url, [
    { slug: 'throttled', rateLimit: { requests: 2, per: 'hour' } },
    { slug: 'capped', quota: { requests: 2, per: 'day' } },
  ]);
  gateway = (await startGateways(1, t.url, { REDIS_URL: testRedisUrl(), GATEWAY_USAGE_FLUSH_MS: 100 }))[0]!;
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

async function countsBy(table: 'request_log' | 'usage_rollups', column: '"status"' | '"statusClass"'): Promise<Record<string, number>> {
  const rows = await t.db.$queryRawUnsafe<Array<{ key: string; n: bigint }>>(
    `SELECT ${column}::text || ' ' || outcome AS key, sum(count)::bigint AS n FROM ${table} GROUP BY 1`,
  );
  return Object.fromEntries(rows.map((row) => [row.key, Number(row.n)]));
}

describe('usage outcomes', () => {
  it('records a rate limit, a quota and a refused key as three different outcomes, all 429 or 401', async () => {
    const statuses = [];
    for (const plan of ['throttled', 'capped'] as const) {
      for (let i = 0; i < 3; i++) statuses.push((await call(gateway, keys[plan]!)).status);
    }
    statuses.push((await call(gateway, 'tg_test_notakeyatallnotakeyatallnotakey')).status);
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429, 401]);

    await eventually(async () => expect(await countsBy('request_log', '"status"')).toEqual({ '200 success': 4, '429 rateLimited': 1, '429 overQuota': 1 }), 15_000);
    expect(await countsBy('usage_rollups', '"statusClass"')).toEqual({ '2 success': 4, '4 rateLimited': 1, '4 overQuota': 1 });
    // A refused credential is folded per address and minute; shutting down writes the fold out.
    await gateway.close();
    expect(await countsBy('request_log', '"status"')).toMatchObject({ '401 authFailed': 1 });
    expect(await countsBy('usage_rollups', '"statusClass"')).toMatchObject({ '4 authFailed': 1 });
  });
});
