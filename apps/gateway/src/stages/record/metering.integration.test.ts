// Reconciliation: every request through a real gateway becomes exactly one usage event.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getUsageSummary } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../start-gateway';
import { applyTestConfig, eventually, startTestGateway } from '../../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;
let key: string;
let keyId: string;

beforeAll(async () => {
  upstream = await startTestUpstream();
  ({ key, keyId } = await applyTestConfig(t.db, upstream.url));
  gateway = await startTestGateway(t.url, { GATEWAY_USAGE_FLUSH_MS: 100, GATEWAY_INSTANCE_ID: 'gw-metering' });
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

async function send(path: string, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(`${gateway.url}${path}`, { headers });
  await response.arrayBuffer();
  return response.status;
}

async function totals(): Promise<{ log: number; rollups: number; units: number }> {
  const [row] = await t.db.$queryRawUnsafe<Array<Record<string, bigint | null>>>(
    `SELECT (SELECT count(*) FROM request_log) AS log, (SELECT sum(count) FROM usage_rollups) AS rollups, (SELECT sum(units) FROM usage_rollups) AS units`,
  );
  return { log: Number(row!.log), rollups: Number(row!.rollups ?? 0), units: Number(row!.units ?? 0) };
}

describe('metering', () => {
  it('N requests => N request log rows; rollups count every routed request and units only billable ones', async () => {
    const statuses: number[] = [];
    const batch = async (count: number, make: (i: number) => Promise<number>) => {
      for (let i = 0; i < count; i += 10) statuses.push(...(await Promise.all(Array.from({ length: Math.min(10, count - i) }, (_, j) => make(i + j)))));
    };
    await batch(120, (i) => send(`/weather/forecast/c${i}`, { 'x-api-key': key }));
    await batch(30, () => send('/weather/forecast/paris'));
    await batch(20, (i) => send(`/nowhere/${i}`));
    await batch(10, () => send('/weather/public/status'));
    await batch(10, () => send('/other/thing', { 'x-api-key': key }));
    expect(statuses.filter((s) => s === 200)).toHaveLength(130);
    expect(statuses.filter((s) => s === 401)).toHaveLength(30);
    expect(statuses.filter((s) => s === 404)).toHaveLength(20);

    await eventually(async () => expect((await totals()).log).toBe(190), 10_000);
    // Requests no route matched are logged but belong to no API, so they have no rollup.
    expect(await totals()).toEqual({ log: 190, rollups: 170, units: 120 });
    const summary = await getUsageSummary(t.db, { appSlug: 'acme-app', apiSlug: 'weather' });
    expect(summary).toMatchObject({ requests: 120, units: 120, errors: 0, byStatusClass: { '2xx': 120 } });
    expect(summary.byRoute).toEqual([expect.objectContaining({ api: 'weather', route: 'GET /forecast/{city}', requests: 120, units: 120 })]);
    expect((await getUsageSummary(t.db, { apiSlug: 'weather' })).byStatusClass).toEqual({ '2xx': 130, '4xx': 30 });
  });

  it('has the event in the spool by the time the client holds the complete response', async () => {
    const dir = gateway.env.GATEWAY_SPOOL_DIR!;
    for (let i = 0; i < 20; i++) {
      const id = `spool-before-end-${i}`;
      const response = await fetch(`${gateway.url}/weather/forecast/nice`, { headers: { 'x-api-key': key, 'x-request-id': id } });
      await response.text();
      const spooled = readdirSync(dir)
        .filter((name) => name.startsWith('segment-'))
        .some((name) => readFileSync(join(dir, name), 'latin1').includes(`\t${id}\t`));
      expect(spooled, id).toBe(true);
    }
  });

  it('records every field of the event under the request id', async () => {
    const response = await fetch(`${gateway.url}/weather/forecast/lyon`, { headers: { 'x-api-key': key, 'x-request-id': 'metering-field-check' } });
    const body = await response.text();
    const row = await eventually(async () => expect(await t.db.requestLog.findFirst({ where: { id: 'metering-field-check' } })).not.toBeNull(), 10_000).then(() =>
      t.db.requestLog.findFirstOrThrow({ where: { id: 'metering-field-check' } }),
    );
    const subscription = await t.db.subscription.findFirstOrThrow({ include: { app: true, api: true } });
    expect(row).toMatchObject({
      gatewayId: 'gw-metering',
      apiId: subscription.apiId,
      routeKey: 'GET /forecast/{city}',
      appId: subscription.appId,
      keyId,
      subscriptionId: subscription.id,
      planId: subscription.planId,
      method: 'GET',
      path: '/weather/forecast/lyon',
      status: 200,
      units: 1,
      clientIp: '127.0.0.1',
    });
    expect(Number(row.bytesOut)).toBe(Buffer.byteLength(body));
    expect(row.latencyMs).toBeGreaterThan(0);
    expect(Math.abs(row.time.getTime() - Date.now())).toBeLessThan(60_000);
  });
});
