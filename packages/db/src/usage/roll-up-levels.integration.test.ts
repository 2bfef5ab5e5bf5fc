import { randomUUID } from 'node:crypto';
import { LATENCY_BUCKET_COUNT, latencyBucketIndex } from '@tollgate/domain';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { RequestLogRow } from './request-log-copy';
import { rollUpLevels } from './roll-up-levels';
import { usageBatch } from './usage-batch-fixture';
import { createUsageStore, type UsageStore } from './usage-store';

const t = useTestDatabase();
let store: UsageStore | undefined;
const getStore = () => (store ??= createUsageStore(t.url));
afterAll(async () => store?.close());

const API = randomUUID();
const APPS = [randomUUID(), randomUUID()];
/** A canary beside stable, and calls of an API without a split. */
const VERSIONS = ['stable', 'canary', undefined];

/** Calls spread over two days, several hours, two apps and the upstream versions, with varied status and latency. */
function calls(times: string[]): RequestLogRow[] {
  return times.map((time, i) => ({
    id: randomUUID(),
    time,
    gatewayId: 'gw-1',
    apiId: API,
    routeKey: 'GET /things',
    appId: APPS[i % 2],
    method: 'GET',
    path: '/things',
    status: i % 4 === 0 ? 500 : 200,
    latencyMs: (i * 37) % 900,
    bytesIn: 10,
    bytesOut: 100 + i,
    units: 1,
    upstreamVersion: VERSIONS[i % 3],
  }));
}

/** The oracle, from the calls themselves: per (bucket, app, status class, upstream version) count, bytes and histogram. */
function expected(rows: RequestLogRow[], bucketOf: (time: string) => string) {
  const groups = new Map<string, { count: number; bytesOut: number; buckets: number[] }>();
  for (const row of rows) {
    const key = `${bucketOf(row.time)} ${row.appId} ${Math.floor(row.status / 100)} ${row.upstreamVersion ?? ''}`;
    const group = groups.get(key) ?? { count: 0, bytesOut: 0, buckets: Array<number>(LATENCY_BUCKET_COUNT).fill(0) };
    group.count++;
    group.bytesOut += row.bytesOut;
    group.buckets[latencyBucketIndex(row.latencyMs)]!++;
    groups.set(key, group);
  }
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

async function level(table: 'usage_rollups_hourly' | 'usage_rollups_daily') {
  const rows = await t.db.$queryRawUnsafe<{ bucket: Date; appId: string; statusClass: number; upstreamVersion: string; count: bigint; bytesOut: bigint; latencyBuckets: bigint[] }[]>(
    `SELECT bucket, "appId", "statusClass", "upstreamVersion", count, "bytesOut", "latencyBuckets" FROM ${table}`,
  );
  return Object.fromEntries(
    rows
      .map((row) => [`${row.bucket.toISOString()} ${row.appId} ${row.statusClass} ${row.upstreamVersion}`, { count: Number(row.count), bytesOut: Number(row.bytesOut), buckets: row.latencyBuckets.map(Number) }] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

const hourOf = (time: string) => `${time.slice(0, 13)}:00:00.000Z`;
const dayOf = (time: string) => `${time.slice(0, 10)}T00:00:00.000Z`;
const minutes = (start: string, count: number, stepMinutes: number) =>
  Array.from({ length: count }, (_, i) => new Date(Date.parse(start) + i * stepMinutes * 60_000 + (i % 50) * 1000).toISOString());

describe('rollUpLevels', () => {
  it('sums the minutes into hours and the hours into days, histograms bucket by bucket, and re-rolls an hour that late usage changed', async () => {
    const first = calls(minutes('2026-11-30T21:10:00.000Z', 120, 3));
    await getStore().ingest(usageBatch('levels:1:0', first));
    expect(await rollUpLevels(t.db)).toMatchObject({ locked: true, hours: new Set(first.map((row) => hourOf(row.time))).size, days: 2 });
    expect(await level('usage_rollups_hourly')).toEqual(expected(first, hourOf));
    expect(await level('usage_rollups_daily')).toEqual(expected(first, dayOf));

    // Usage that arrives late, into minute rows that exist already (so only their updatedAt
    // tells that they changed), corrects its hours and days at the next run.
    await t.db.$executeRaw`UPDATE usage_rollups SET "updatedAt" = now() - interval '2 hours'`;
    await t.db.$executeRaw`UPDATE rollup_watermarks SET "upTo" = now() - interval '1 hour'`;
    const late = first.slice(20, 40).map((row) => ({ ...row, id: randomUUID() }));
    await getStore().ingest(usageBatch('levels:2:0', late));
    await rollUpLevels(t.db);
    expect(await level('usage_rollups_hourly')).toEqual(expected([...first, ...late], hourOf));
    expect(await level('usage_rollups_daily')).toEqual(expected([...first, ...late], dayOf));

    // Running again changes nothing.
    await rollUpLevels(t.db);
    expect(await level('usage_rollups_daily')).toEqual(expected([...first, ...late], dayOf));
    const [mark] = await t.db.$queryRaw<{ upTo: Date }[]>`SELECT "upTo" FROM rollup_watermarks WHERE level = 'hour'`;
    expect(mark!.upTo.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});
