// A flood of refused credentials leaves one request_log row per address, route, status
// and minute with a count; valid keys keep a row each and bill exactly once.
import { generateApiKey } from '@tollgate/domain';
import { getUsageSummary } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayEnv } from '../../env';
import { applyTestConfig, startTestGateway } from '../../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let key: string;

beforeAll(async () => {
  upstream = await startTestUpstream();
  ({ key } = await applyTestConfig(t.db, upstream.url));
});

afterAll(async () => {
  await upstream?.close();
});

interface LogRow {
  client_ip: string;
  status: number;
  app_id: string | null;
  units: number;
  rows: bigint;
  requests: bigint;
}

/** request_log grouped by address, status and app: rows and the requests they stand for. */
async function logBy(gatewayId: string): Promise<LogRow[]> {
  return t.db.$queryRawUnsafe<LogRow[]>(
    `SELECT "clientIp" AS client_ip, status, "appId"::text AS app_id, sum(units)::int AS units, count(*) AS rows, sum(count) AS requests
     FROM request_log WHERE "gatewayId" = $1 GROUP BY 1, 2, 3 ORDER BY 2`,
    gatewayId,
  );
}

/** Runs requests 10 at a time through a gateway started for this test, then stops it (its spool flushed). */
async function through(env: Partial<GatewayEnv>, requests: Array<Record<string, string>>): Promise<number[]> {
  const gateway = await startTestGateway(t.url, { GATEWAY_USAGE_FLUSH_MS: 200, GATEWAY_TRUSTED_PROXIES: ['127.0.0.1/32'], ...env });
  const statuses: number[] = [];
  try {
    for (let i = 0; i < requests.length; i += 10) {
      const slice = requests.slice(i, i + 10).map(async (headers, j) => {
        const response = await fetch(`${gateway.url}/weather/forecast/c${i + j}`, { headers });
        await response.arrayBuffer();
        return response.status;
      });
      statuses.push(...(await Promise.all(slice)));
    }
  } finally {
    await gateway.close();
  }
  return statuses;
}

const unknown = (from: string) => ({ 'x-forwarded-for': from, 'x-api-key': generateApiKey().key });
const valid = (from: string) => ({ 'x-forwarded-for': from, 'x-api-key': key });

describe('request log under a flood of unknown keys', () => {
  it('folds 500 unknown-key requests from one address into one row (per minute) with count 500; valid keys keep a row each', async () => {
    const requests = [...Array.from({ length: 500 }, () => unknown('198.51.100.20')), ...Array.from({ length: 30 }, () => valid('198.51.100.21'))];
    const statuses = await through({ GATEWAY_INSTANCE_ID: 'gw-flood', GATEWAY_AUTH_FAILURE_LIMIT: 0 }, requests);
    expect(statuses.filter((s) => s === 401)).toHaveLength(500);
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);

    const rows = await logBy('gw-flood');
    const refused = rows.find((row) => row.status === 401);
    const served = rows.find((row) => row.status === 200);
    expect(rows).toHaveLength(2);
    expect(refused).toMatchObject({ client_ip: '198.51.100.20', status: 401, app_id: null, units: 0, requests: 500n });
    // One row, or two when the flood crossed a minute boundary.
    expect(Number(refused!.rows)).toBeLessThanOrEqual(2);
    expect(served).toMatchObject({ client_ip: '198.51.100.21', status: 200, rows: 30n, requests: 30n, units: 30 });

    // The rollups count every request once, the folded ones included; only the valid keys bill.
    const summary = await getUsageSummary(t.db, { apiSlug: 'weather' });
    expect(summary).toMatchObject({ requests: 530, units: 30, errors: 500, byStatusClass: { '2xx': 30, '4xx': 500 } });
    expect(await getUsageSummary(t.db, { appSlug: 'acme-app' })).toMatchObject({ requests: 30, units: 30 });
  });

  it('folds the throttled 429s as well, in a row of their own', async () => {
    const statuses = await through({ GATEWAY_INSTANCE_ID: 'gw-throttled', GATEWAY_AUTH_FAILURE_LIMIT: 20 }, Array.from({ length: 200 }, () => unknown('198.51.100.30')));
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(180);
    const rows = await logBy('gw-throttled');
    expect(rows).toMatchObject([
      { client_ip: '198.51.100.30', status: 401, requests: 20n },
      { client_ip: '198.51.100.30', status: 429, requests: 180n },
    ]);
    expect(rows.every((row) => row.rows <= 2n)).toBe(true);
  });
});
