import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTestDatabase } from '@tollgate/db/testing';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { segmentPath } from './spool-directory';
import { frameSpoolRecord } from './spool-record';
import { SpoolUsageSink, type SpoolUsageSinkOptions } from './usage-sink';

const t = useTestDatabase();
const API = randomUUID();
const open: SpoolUsageSink[] = [];

afterEach(async () => {
  for (const sink of open.splice(0)) await sink.close();
});

function line(status = 200, units = 1, fields: { id?: string; time?: string; path?: string; api?: string } = {}): string {
  return frameSpoolRecord(
    [
      '1',
      fields.id ?? randomUUID(),
      fields.time ?? new Date().toISOString(),
      'gw-1',
      fields.api ?? API,
      'GET /x',
      '',
      '',
      '',
      '',
      'GET',
      fields.path ?? '/x',
      status,
      1.5,
      0,
      10,
      units,
      '127.0.0.1',
    ].join('\t'),
  );
}

function sink(dir: string, overrides: Partial<SpoolUsageSinkOptions> = {}): SpoolUsageSink {
  const created = new SpoolUsageSink({
    dir,
    gatewayId: 'gw-1',
    databaseUrl: t.url,
    maxBytes: 1024 ** 3,
    fsyncMs: 0,
    flushMs: 60_000,
    batchEvents: 100,
    retentionDays: 0,
    shutdownTimeoutMs: 5_000,
    log: pino({ level: 'silent' }),
    registry: new Registry(),
    ...overrides,
  });
  open.push(created);
  return created;
}

async function stored(): Promise<{ log: number; rollups: number; units: number; batches: number }> {
  const [row] = await t.db.$queryRawUnsafe<Array<Record<string, bigint | null>>>(
    `SELECT (SELECT count(*) FROM request_log) AS log, (SELECT sum(count) FROM usage_rollups) AS rollups,
            (SELECT sum(units) FROM usage_rollups) AS units, (SELECT sum("eventCount") FROM usage_batches) AS batches`,
  );
  return { log: Number(row!.log), rollups: Number(row!.rollups ?? 0), units: Number(row!.units ?? 0), batches: Number(row!.batches ?? 0) };
}

async function clear(): Promise<void> {
  await t.db.$executeRawUnsafe('TRUNCATE request_log, usage_rollups, usage_batches');
}

const tempDir = () => join(mkdtempSync(join(tmpdir(), 'tollgate-spool-test-')), 'spool');

describe('spool usage sink', () => {
  it('stores what the spool held when a flush began; events written meanwhile wait for the next flush', async () => {
    await clear();
    const first = sink(tempDir(), { batchEvents: 1_000 });
    for (let i = 0; i < 30; i++) first.append(line());
    const flushing = first.flushNow();
    for (let i = 0; i < 12; i++) first.append(line());
    await new Promise((resolve) => setImmediate(resolve));
    expect(await flushing).toBe(true);
    expect(await stored()).toMatchObject({ log: 30, batches: 30 });
    expect(await first.flushNow()).toBe(true);
    expect(await stored()).toMatchObject({ log: 42, rollups: 42, batches: 42 });
  });

  it('flushes in batches and never counts a replayed range twice', async () => {
    await clear();
    const dir = tempDir();
    const first = sink(dir);
    for (let i = 0; i < 250; i++) first.append(line(200, 2));
    expect(await first.flushNow()).toBe(true);
    expect(await stored()).toEqual({ log: 250, rollups: 250, units: 500, batches: 250 });
    for (let i = 0; i < 30; i++) first.append(line());
    await first.close();
    // A crash between the commit and the offset file: the next start replays everything.
    rmSync(join(dir, 'committed.json'));
    const second = sink(dir);
    for (let i = 0; i < 5; i++) second.append(line());
    expect(await second.flushNow()).toBe(true);
    expect(await stored()).toEqual({ log: 285, rollups: 285, units: 535, batches: 285 });
    // Sealed, committed segments are deleted.
    expect(readdirSync(dir).filter((name) => name.startsWith('segment-'))).toHaveLength(1);
  });

  it('skips a torn tail and a damaged record, counting the rest', async () => {
    await clear();
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const damaged = line().replace('GET /x', 'GET /y');
    const torn = line();
    writeFileSync(segmentPath(dir, 1), line() + damaged + line());
    appendFileSync(segmentPath(dir, 1), torn.slice(0, 40));
    const registry = new Registry();
    const restarted = sink(dir, { registry });
    restarted.append(line());
    expect(await restarted.flushNow()).toBe(true);
    expect(await stored()).toMatchObject({ log: 3, rollups: 3 });
    expect(await registry.getSingleMetricAsString('tollgate_gateway_usage_spool_corrupt_records_total')).toMatch(/ 2$/m);
    expect(existsSync(segmentPath(dir, 1))).toBe(false);
  });

  it('replays a range stored as a larger batch (the batch size changed) without counting it twice', async () => {
    await clear();
    const dir = tempDir();
    const first = sink(dir, { batchEvents: 100 });
    for (let i = 0; i < 250; i++) first.append(line());
    expect(await first.flushNow()).toBe(true);
    await first.close();
    rmSync(join(dir, 'committed.json'));
    const registry = new Registry();
    const second = sink(dir, { batchEvents: 40, registry });
    for (let i = 0; i < 7; i++) second.append(line());
    expect(await second.flushNow()).toBe(true);
    expect(await stored()).toEqual({ log: 257, rollups: 257, units: 257, batches: 257 });
    expect(await registry.getSingleMetricAsString('tollgate_gateway_usage_events_replayed_total')).toMatch(/ 250$/m);
  });

  it('stores a reused request id once per (time, id), within a batch and across batches, counting every request', async () => {
    await clear();
    const dir = tempDir();
    const time = new Date().toISOString();
    const id = randomUUID();
    const spool = sink(dir);
    spool.append(line(200, 1, { id, time, path: '/first' }));
    spool.append(line(200, 1, { id, time, path: '/second' }));
    spool.append(line());
    expect(await spool.flushNow()).toBe(true);
    spool.append(line(200, 1, { id, time, path: '/third' }));
    expect(await spool.flushNow()).toBe(true);
    expect(await stored()).toEqual({ log: 2, rollups: 4, units: 4, batches: 4 });
    expect(await t.db.requestLog.findMany({ where: { id }, select: { path: true } })).toEqual([{ path: '/first' }]);
  });

  it('stores a path with backslashes, double quotes and commas byte for byte', async () => {
    await clear();
    const dir = tempDir();
    const id = randomUUID();
    const path = String.raw`/x/a\b"c",d\N\.'é`;
    const spool = sink(dir);
    spool.append(line(200, 1, { id, path }));
    expect(await spool.flushNow()).toBe(true);
    expect(await t.db.requestLog.findFirstOrThrow({ where: { id } })).toMatchObject({ path, routeKey: 'GET /x', keyId: null, clientIp: '127.0.0.1' });
  });

  it('sets a batch PostgreSQL refuses as data aside and goes on with the next', async () => {
    await clear();
    const dir = tempDir();
    const registry = new Registry();
    const spool = sink(dir, { registry, batchEvents: 3 });
    spool.append(line());
    spool.append(line(200, 1, { api: 'not-a-uuid' }));
    spool.append(line());
    expect(await spool.flushNow()).toBe(true);
    spool.append(line());
    expect(await spool.flushNow()).toBe(true);
    expect(await stored()).toEqual({ log: 1, rollups: 1, units: 1, batches: 1 });
    expect(readdirSync(dir).filter((name) => name.startsWith('rejected-'))).toHaveLength(1);
    expect(await registry.getSingleMetricAsString('tollgate_gateway_usage_events_rejected_total')).toMatch(/ 3$/m);
  });

  it('keeps events in the spool while PostgreSQL is unreachable, and drops past the bound', async () => {
    const dir = tempDir();
    const registry = new Registry();
    const down = sink(dir, { databaseUrl: 'postgresql://postgres@127.0.0.1:1/none', maxBytes: 2_000, registry, shutdownTimeoutMs: 500 });
    for (let i = 0; i < 20; i++) down.append(line());
    expect(await down.flushNow()).toBe(false);
    expect(down.writer.diskBytes).toBeGreaterThan(1_500);
    expect(down.writer.diskBytes).toBeLessThan(2_400);
    expect(await registry.getSingleMetricAsString('tollgate_gateway_usage_events_dropped_total')).not.toMatch(/ 0$/m);
    await down.close();
    // The same directory drains into a reachable database later.
    await clear();
    const up = sink(dir);
    expect(await up.flushNow()).toBe(true);
    const counted = (await stored()).log;
    expect(counted).toBeGreaterThan(5);
    expect(counted).toBeLessThan(20);
  });

  it('refuses a spool directory a live process holds', async () => {
    const dir = tempDir();
    sink(dir);
    expect(() => sink(dir)).toThrow(/in use by process/);
  });
});

describe('spool directory lock', () => {
  it('takes over a lock left by a dead process, or by an earlier process with this pid', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'lock'), String(process.pid));
    sink(dir);
    await open.pop()!.close();
    writeFileSync(join(dir, 'lock'), '999999999');
    sink(dir);
    expect(() => sink(dir)).toThrow(/in use by process/);
  });
});
