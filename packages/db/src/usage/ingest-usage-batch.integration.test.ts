import { randomUUID } from 'node:crypto';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { RequestLogRow } from './request-log-copy';
import { usageBatch as batch } from './usage-batch-fixture';
import { createUsageStore, type UsageStore } from './usage-store';

const t = useTestDatabase();
let store: UsageStore | undefined;
const getStore = () => (store ??= createUsageStore(t.url));
afterAll(async () => store?.close());

const API = randomUUID();
const APP = randomUUID();

function events(n: number, minute = '2026-11-22T10:00'): RequestLogRow[] {
  return Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    time: `${minute}:${String(i % 60).padStart(2, '0')}.000Z`,
    gatewayId: 'gw-1',
    apiId: i % 10 === 9 ? undefined : API,
    routeKey: i % 10 === 9 ? undefined : 'GET /forecast/{city}',
    appId: APP,
    method: 'GET',
    path: `/weather/forecast/c${i}`,
    status: i % 5 === 0 ? 404 : 200,
    latencyMs: i % 7,
    bytesIn: 0,
    bytesOut: 100,
    units: i % 5 === 0 ? 0 : 2,
    clientIp: '127.0.0.1',
  }));
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
    const first = batch('spool-a:1:0', events(100));
    expect(await getStore().ingest(first)).toEqual({ stored: true, eventCount: 100 });
    // 90 events have an API (every 10th has none); 20 are 404s with no units.
    expect(await counts()).toEqual({ log: 100, requests: 90, units: 140, buckets: 90 });
    expect(await getStore().ingest(first)).toEqual({ stored: false, eventCount: 100 });
    expect(await getStore().ingest(batch('spool-a:1:0', events(150)))).toEqual({ stored: false, eventCount: 100 });
    expect(await counts()).toEqual({ log: 100, requests: 90, units: 140, buckets: 90 });
    expect(await t.db.usageBatch.findUniqueOrThrow({ where: { id: 'spool-a:1:0' } })).toMatchObject({
      eventCount: 100,
      firstAt: new Date('2026-11-22T10:00:00.000Z'),
      lastAt: new Date('2026-11-22T10:00:59.000Z'),
    });
  });

  it('adds a later batch into the same minute rollups, histogram included', async () => {
    await getStore().ingest(batch('spool-a:1:9999', events(10)));
    expect(await counts()).toEqual({ log: 110, requests: 99, units: 154, buckets: 99 });
    const rows = await t.db.usageRollup.findMany({ where: { statusClass: 2 } });
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]!.count)).toBe(77);
    expect(rows[0]!.latencyBuckets.reduce((a, b) => a + Number(b), 0)).toBe(77);
    expect(rows[0]!.minute.toISOString()).toBe('2026-11-22T10:00:00.000Z');
  });

  it('stores NULL for absent fields and text byte for byte (backslash, double quote, comma)', async () => {
    const [row] = events(1, '2026-11-22T11:00');
    const path = String.raw`/weather/a\b"c,d\N\.'e`;
    await getStore().ingest(batch('spool-a:1:20000', [{ ...row!, path, apiId: undefined, routeKey: undefined, clientIp: undefined }]));
    const stored = await t.db.requestLog.findFirstOrThrow({ where: { id: row!.id } });
    expect(stored).toMatchObject({ path, apiId: null, routeKey: null, keyId: null, clientIp: null, batchId: 'spool-a:1:20000', gatewayId: 'gw-1' });
    expect(await counts()).toEqual({ log: 111, requests: 99, units: 154, buckets: 99 });
  });

  it('keeps the first row of a reused (time, id) within a batch and across batches, counting every request', async () => {
    const [a, b] = events(2, '2026-11-22T12:00');
    const again = { ...a!, path: '/second' };
    expect(await getStore().ingest(batch('spool-b:1:0', [a!, b!, again]))).toEqual({ stored: true, eventCount: 3 });
    expect(await t.db.requestLog.findMany({ where: { id: a!.id } })).toMatchObject([{ path: a!.path, batchId: 'spool-b:1:0' }]);
    expect(await getStore().ingest(batch('spool-b:1:500', [{ ...a!, path: '/third' }]))).toEqual({ stored: true, eventCount: 1 });
    expect(await t.db.requestLog.findMany({ where: { id: a!.id } })).toMatchObject([{ path: a!.path, batchId: 'spool-b:1:0' }]);
    // The same id at another time is another row.
    await getStore().ingest(batch('spool-b:1:600', [{ ...a!, time: '2026-11-22T12:00:00.001Z' }]));
    expect(await t.db.requestLog.count({ where: { id: a!.id } })).toBe(2);
    // a and b are 404 and 200 (no units, 2 units); every request is in the rollups.
    expect(await counts()).toEqual({ log: 111 + 3, requests: 99 + 5, units: 154 + 2, buckets: 99 + 5 });
  });

  it('rolls the whole batch back when one part fails', async () => {
    const bad = events(5);
    bad[2]!.apiId = 'not-a-uuid';
    await expect(getStore().ingest(batch('spool-a:2:0', bad))).rejects.toMatchObject({ code: '22P02' });
    expect(await t.db.usageBatch.count({ where: { id: 'spool-a:2:0' } })).toBe(0);
    expect(await counts()).toEqual({ log: 114, requests: 104, units: 156, buckets: 104 });
  });

  it('keeps the request log in partitions: a flush makes its new day, maintenance makes days ahead and drops those past the retention whole', async () => {
    // Days after the migration's first partition (everything before tomorrow), whatever today is.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const partitions = async () =>
      (await t.db.$queryRaw<{ name: string }[]>`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'request_log'::regclass`).map((row) => row.name).sort();
    const daily = (offset: number) => `request_log_${day(offset).replaceAll('-', '')}`;
    await getStore().ingest(batch('spool-p:1:0', events(3, `${day(10)}T08:00`)));
    expect(await partitions()).toEqual([daily(10), 'request_log_before_partitions']);
    const before = await counts();

    const first = await getStore().maintainRequestLog({ retentionDays: 7, now: new Date(`${day(12)}T12:00:00Z`) });
    expect(first).toEqual({ locked: true, created: 3, dropped: ['request_log_before_partitions'] });
    expect(await partitions()).toEqual([daily(10), daily(12), daily(13), daily(14)]);
    // The old rows went with their partition; the rollups stay.
    expect(await counts()).toEqual({ ...before, log: 3 });

    const later = await getStore().maintainRequestLog({ retentionDays: 7, now: new Date(`${day(18)}T00:00:00Z`) });
    expect(later.dropped).toEqual([daily(10)]);
    expect(await counts()).toEqual({ ...before, log: 0 });
  });

  it('stores a folded row once with its count, and counts it as that many requests in the rollups', async () => {
    const folded: RequestLogRow = { ...events(1, '2026-11-22T13:00')[0]!, appId: undefined, status: 401, latencyMs: 2.5, bytesIn: 0, bytesOut: 500 * 120, units: 0, count: 500 };
    const [plain] = events(1, '2026-11-22T13:00');
    await getStore().ingest(batch('spool-c:1:0', [folded, { ...plain!, count: undefined }]));
    expect(await t.db.requestLog.findFirstOrThrow({ where: { id: folded.id } })).toMatchObject({ count: 500, status: 401, appId: null });
    expect(await t.db.requestLog.findFirstOrThrow({ where: { id: plain!.id } })).toMatchObject({ count: 1 });
    // The partitions test left its 3 events in the rollups (4 units).
    expect(await counts()).toEqual({ log: 2, requests: 107 + 501, units: 160, buckets: 107 + 501 });
    const [rollup] = await t.db.usageRollup.findMany({ where: { minute: new Date('2026-11-22T13:00:00.000Z'), statusClass: 4, appId: '' } });
    expect(rollup).toMatchObject({ count: 500n, errors: 500n, latencySumMs: 1250, bytesOut: 60_000n });
  });

  it('recreates a day dropped after a flush remembered it: the first try fails, the retry lands', async () => {
    const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await getStore().ingest(batch('spool-d:1:0', events(2, `${day}T09:00`)));
    await t.db.$executeRawUnsafe(`DROP TABLE request_log_${day.replaceAll('-', '')}`);
    await expect(getStore().ingest(batch('spool-d:2:0', events(2, `${day}T10:00`)))).rejects.toMatchObject({ code: '23514' });
    await expect(getStore().ingest(batch('spool-d:2:0', events(2, `${day}T10:00`)))).resolves.toMatchObject({ stored: true });
    expect(await t.db.requestLog.count({ where: { time: { gte: new Date(`${day}T00:00:00Z`) } } })).toBe(2);
  });

  it('keeps each upstream version of a minute in its own rollup row, and a later batch adds into it', async () => {
    const minute = '2026-11-22T14:00';
    const versioned = (versions: Array<string | undefined>) => events(versions.length, minute).map((row, i) => ({ ...row, apiId: API, routeKey: 'GET /forecast/{city}', status: 200, upstreamVersion: versions[i] }));
    await getStore().ingest(batch('spool-e:1:0', versioned(['stable', 'stable', 'canary', undefined])));
    await getStore().ingest(batch('spool-e:2:0', versioned(['canary', 'stable'])));
    const rows = await t.db.usageRollup.findMany({ where: { minute: new Date(`${minute}:00.000Z`) }, orderBy: { upstreamVersion: 'asc' } });
    expect(rows.map((row) => [row.upstreamVersion, Number(row.count)])).toEqual([['', 1], ['canary', 2], ['stable', 3]]);
    expect(await t.db.requestLog.count({ where: { time: { gte: new Date(`${minute}:00.000Z`), lt: new Date('2026-11-22T14:01:00.000Z') }, upstreamVersion: 'canary' } })).toBe(2);
  });
});
