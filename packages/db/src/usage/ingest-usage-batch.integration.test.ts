import { randomUUID } from 'node:crypto';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyUsageEventColumns, type UsageEventColumns } from './usage-event-columns';
import { createUsageStore, type UsageStore } from './usage-store';

const t = useTestDatabase();
let store: UsageStore | undefined;
const getStore = () => (store ??= createUsageStore(t.url));
afterAll(async () => store?.close());

const API = randomUUID();
const APP = randomUUID();

function events(n: number, minute = '2026-11-22T10:00'): UsageEventColumns {
  const columns = emptyUsageEventColumns();
  for (let i = 0; i < n; i++) {
    columns.id.push(randomUUID());
    columns.time.push(`${minute}:${String(i % 60).padStart(2, '0')}.000Z`);
    columns.gatewayId.push('gw-1');
    columns.apiId.push(i % 10 === 9 ? '' : API);
    columns.routeKey.push(i % 10 === 9 ? '' : 'GET /forecast/{city}');
    columns.appId.push(APP);
    columns.keyId.push('');
    columns.subscriptionId.push('');
    columns.planId.push('');
    columns.method.push('GET');
    columns.path.push(`/weather/forecast/c${i}`);
    columns.status.push(i % 5 === 0 ? 404 : 200);
    columns.latencyMs.push(i % 7);
    columns.bytesIn.push(0);
    columns.bytesOut.push(100);
    columns.units.push(i % 5 === 0 ? 0 : 2);
    columns.clientIp.push('127.0.0.1');
  }
  return columns;
}

async function counts(): Promise<{ log: number; requests: number; units: number; buckets: number }> {
  const [row] = await t.db.$queryRawUnsafe<Array<{ log: bigint; requests: bigint | null; units: bigint | null; buckets: bigint | null }>>(
    `SELECT (SELECT count(*) FROM request_log) AS log, (SELECT sum(count) FROM usage_rollups) AS requests, (SELECT sum(units) FROM usage_rollups) AS units,
            (SELECT sum(b) FROM usage_rollups, unnest("latencyBuckets") b) AS buckets`,
  );
  return { log: Number(row!.log), requests: Number(row!.requests ?? 0), units: Number(row!.units ?? 0), buckets: Number(row!.buckets ?? 0) };
}

describe('ingestUsageBatch', () => {
  it('stores every event once and skips a replayed batch', async () => {
    const batch = { id: `spool-a:1:0`, gatewayId: 'gw-1', events: events(100) };
    expect(await getStore().ingest(batch)).toEqual({ stored: true, eventCount: 100 });
    // 90 events have an API (every 10th has none); 20 are 404s with no units.
    expect(await counts()).toEqual({ log: 100, requests: 90, units: 140, buckets: 90 });
    expect(await getStore().ingest(batch)).toEqual({ stored: false, eventCount: 100 });
    expect(await getStore().ingest({ ...batch, events: events(150) })).toEqual({ stored: false, eventCount: 100 });
    expect(await counts()).toEqual({ log: 100, requests: 90, units: 140, buckets: 90 });
  });

  it('adds a later batch into the same minute rollups, histogram included', async () => {
    await getStore().ingest({ id: `spool-a:1:9999`, gatewayId: 'gw-1', events: events(10) });
    expect(await counts()).toEqual({ log: 110, requests: 99, units: 154, buckets: 99 });
    const rows = await t.db.usageRollup.findMany({ where: { statusClass: 2 } });
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]!.count)).toBe(77);
    expect(rows[0]!.latencyBuckets.reduce((a, b) => a + Number(b), 0)).toBe(77);
    expect(rows[0]!.minute.toISOString()).toBe('2026-11-22T10:00:00.000Z');
  });

  it('rolls the whole batch back when one part fails', async () => {
    const bad = events(5);
    bad.apiId[2] = 'not-a-uuid';
    await expect(getStore().ingest({ id: 'spool-a:2:0', gatewayId: 'gw-1', events: bad })).rejects.toThrow();
    expect(await t.db.usageBatch.count({ where: { id: 'spool-a:2:0' } })).toBe(0);
    expect(await counts()).toEqual({ log: 110, requests: 99, units: 154, buckets: 99 });
  });

  it('deletes request log rows past the retention in batches, leaving rollups', async () => {
    const result = await getStore().deleteExpiredRequestLog({ retentionDays: 7, batchSize: 30, now: new Date('2026-12-01T00:00:00Z') });
    expect(result).toEqual({ deleted: 110, locked: true });
    expect(await counts()).toEqual({ log: 0, requests: 99, units: 154, buckets: 99 });
  });
});
