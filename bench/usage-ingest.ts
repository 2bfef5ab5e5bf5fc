// Usage ingestion: how many usage events per second one gateway instance records into
// PostgreSQL: spool appends (the request path's share) and flushes (COPY into request_log
// + per-minute rollups in one transaction per batch), into a fresh database. Then a
// sustained run: events appended at a fixed rate while the sink's own flush timer runs,
// reporting the largest backlog and how long after the last append everything was stored.
//
//   npx tsx bench/usage-ingest.ts [--events 300000] [--batch 20000] [--keys 200] [--rate 50000] [--seconds 10]
//
// Uses DATABASE_URL's server (default postgresql://postgres@127.0.0.1:5432) and a
// database of its own, `tollgate_bench_usage`, dropped and recreated on every run.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { applyMigrations, dropDatabase } from '@tollgate/db/migrate';
import { pino } from 'pino';
import { Registry, type Counter } from 'prom-client';
import { SpoolUsageSink } from '../apps/gateway/src/adapters/usage-sink/usage-sink';
import type { CompiledRoute } from '../apps/gateway/src/config/compiled-snapshot.types';
import type { GatewayContext, Principal } from '../apps/gateway/src/pipeline/context';
import { encodeUsageEvent } from '../apps/gateway/src/stages/record/usage-event';
import { numberArg } from './lib/options';

const TARGET_PER_SECOND = 50_000;
/** The gateway's defaults (GATEWAY_USAGE_FLUSH_MS, GATEWAY_USAGE_BATCH_EVENTS) for the sustained run. */
const SUSTAINED_FLUSH_MS = 1_000;
const SUSTAINED_BATCH_EVENTS = 20_000;
const SLICE_MS = 10;

const eventCount = numberArg('events', 300_000);
const batchEvents = numberArg('batch', 20_000);
const keyCount = numberArg('keys', 200);
const rate = numberArg('rate', TARGET_PER_SECOND);
const seconds = numberArg('seconds', 10);
const server = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
server.pathname = '/tollgate_bench_usage';
const url = server.toString();
const fmt = (value: number) => Math.round(value).toLocaleString('en-US');
const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

await dropDatabase(url).catch(() => {});
await applyMigrations(url);
const spoolDirs: string[] = [];
function createSink(options: { flushMs: number; batchEvents: number; registry: Registry }): SpoolUsageSink {
  const dir = join(mkdtempSync(join(tmpdir(), 'tollgate-bench-spool-')), 'spool');
  spoolDirs.push(dir);
  return new SpoolUsageSink({
    dir,
    gatewayId: 'bench-gateway',
    databaseUrl: url,
    maxBytes: 8 * 1024 ** 3,
    fsyncMs: 0,
    retentionDays: 0,
    shutdownTimeoutMs: 600_000,
    log: pino({ level: 'warn' }),
    ...options,
  });
}

// Realistic contexts: a few routes, `keyCount` apps/keys/subscriptions, encoded by the
// same function the record stage uses.
const apiId = randomUUID();
const routes = ['GET /forecast/{city}', 'GET /current/{city}', 'POST /reports'].map((key, i) => ({ key, weight: i + 1, api: { id: apiId } }) as unknown as CompiledRoute);
const principals = Array.from({ length: keyCount }, () => {
  const app = { id: randomUUID() };
  return { kind: 'key', key: { id: randomUUID() }, app, subscription: { id: randomUUID(), plan: { id: randomUUID() } } } as unknown as Principal;
});
const req = { method: 'GET', url: '/weather/forecast/paris', headers: {}, socket: { remoteAddress: '10.1.2.3' } } as unknown as IncomingMessage;
const contexts = Array.from({ length: 1_000 }, (_, i) => ({
  startedAt: performance.now() - (i % 50),
  requestId: '',
  path: `/weather/forecast/city-${i}`,
  clientIp: '10.1.2.3',
  route: routes[i % routes.length],
  principal: principals[i % principals.length],
  plan: null,
  req,
  res: {} as ServerResponse,
}));
let appended = 0;
function appendEvent(sink: SpoolUsageSink): void {
  const ctx = contexts[appended % contexts.length]!;
  ctx.requestId = randomUUID();
  sink.append(encodeUsageEvent(ctx as unknown as GatewayContext, appended % 20 === 0 ? 404 : 200, 512, sink.gatewayId));
  appended++;
}

// 1. The request path's share: encode + synchronous append.
const sink = createSink({ flushMs: 3_600_000, batchEvents, registry: new Registry() });
let started = performance.now();
let cpu = process.cpuUsage();
for (let i = 0; i < eventCount; i++) appendEvent(sink);
const appendMs = performance.now() - started;
const appendCpu = process.cpuUsage(cpu);
const spoolBytes = sink.writer.diskBytes;

// 2. Flushing everything into PostgreSQL.
started = performance.now();
cpu = process.cpuUsage();
const ok = await sink.flushNow();
const flushMs = performance.now() - started;
const flushCpu = process.cpuUsage(cpu);
const cpuPerEvent = (usage: NodeJS.CpuUsage) => ((usage.user + usage.system) / eventCount).toFixed(2);
await sink.close();
if (!ok) throw new Error('flush failed');
await verifyStored(eventCount);
const flushRate = eventCount / (flushMs / 1000);

// 3. Sustained: `rate` events/s appended in 10 ms slices for `seconds`, flushed by the
// sink's own timer and batch trigger (the gateway's defaults). Backlog = appended, not committed.
const registry = new Registry();
const sustained = createSink({ flushMs: SUSTAINED_FLUSH_MS, batchEvents: SUSTAINED_BATCH_EVENTS, registry });
const flushedMetric = registry.getSingleMetric('tollgate_gateway_usage_events_flushed_total') as Counter;
const flushed = async () => (await flushedMetric.get()).values[0]?.value ?? 0;
const sustainedEvents = Math.round(rate * seconds);
const base = appended;
let maxBacklog = 0;
let lateSlices = 0;
started = performance.now();
for (let slice = 1; base + sustainedEvents > appended; slice++) {
  const due = Math.min(sustainedEvents, Math.round((rate * slice * SLICE_MS) / 1000));
  while (appended - base < due) appendEvent(sustained);
  maxBacklog = Math.max(maxBacklog, appended - base - (await flushed()));
  const wait = started + (slice + 1) * SLICE_MS - performance.now();
  if (wait > 0) await sleep(wait);
  else lateSlices++;
}
const appendEndedAt = performance.now();
const appendSeconds = (appendEndedAt - started) / 1000;
while ((await flushed()) < sustainedEvents) await sleep(2);
const drainMs = performance.now() - appendEndedAt;
await sustained.close();
await verifyStored(eventCount + sustainedEvents);
await dropDatabase(url).catch(() => {});
for (const dir of spoolDirs) rmSync(dir, { recursive: true, force: true });

/** Every event in request_log and counted once in the rollups. */
async function verifyStored(expected: number): Promise<void> {
  const { createDb } = await import('@tollgate/db');
  const db = createDb(url, { max: 1 });
  const [row] = await db.$queryRawUnsafe<Array<{ log: bigint; counted: bigint }>>(
    'SELECT (SELECT count(*) FROM request_log) AS log, (SELECT sum(count) FROM usage_rollups) AS counted',
  );
  await db.$disconnect();
  if (Number(row!.log) !== expected || Number(row!.counted) !== expected) throw new Error(`stored ${row!.log} log rows, ${row!.counted} counted, expected ${expected}`);
}

// Keeping up: the backlog stays within one flush period of traffic plus one batch, and the
// spool is empty within two flush periods of the last append.
const backlogBound = (rate * SUSTAINED_FLUSH_MS) / 1000 + SUSTAINED_BATCH_EVENTS;
const keptUp = rate >= TARGET_PER_SECOND && maxBacklog <= backlogBound && drainMs <= 2 * SUSTAINED_FLUSH_MS;

console.log(`usage ingestion, ${fmt(eventCount)} events, batches of ${fmt(batchEvents)}, ${keyCount} keys`);
console.log(`  spool append (request path):  ${fmt(eventCount / (appendMs / 1000))} events/s  (${((appendMs * 1000) / eventCount).toFixed(2)} µs/event)`);
console.log(`  flush into PostgreSQL:         ${fmt(flushRate)} events/s  (${fmt(flushMs)} ms)`);
console.log(`  end to end:                    ${fmt(eventCount / ((appendMs + flushMs) / 1000))} events/s`);
console.log(`  gateway CPU per event: append ${cpuPerEvent(appendCpu)} µs, flush ${cpuPerEvent(flushCpu)} µs (PostgreSQL's CPU not included)`);
console.log(`  spool bytes before flush: ${fmt(spoolBytes)} (${Math.round(spoolBytes / eventCount)} bytes/event)`);
console.log(`sustained, ${fmt(rate)} events/s for ${seconds} s in ${SLICE_MS} ms slices, flush every ${fmt(SUSTAINED_FLUSH_MS)} ms or ${fmt(SUSTAINED_BATCH_EVENTS)} events`);
console.log(`  appended ${fmt(sustainedEvents)} events in ${appendSeconds.toFixed(2)} s (${fmt(sustainedEvents / appendSeconds)} events/s, ${lateSlices} late slices)`);
console.log(`  largest backlog (spooled, not committed): ${fmt(maxBacklog)} events (${((maxBacklog / rate) * 1000).toFixed(0)} ms of traffic; bound ${fmt(backlogBound)})`);
console.log(`  all in PostgreSQL ${fmt(drainMs)} ms after the last append (bound ${fmt(2 * SUSTAINED_FLUSH_MS)} ms)`);
console.log(`  machine: ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`);
console.log(`${verdict(flushRate >= TARGET_PER_SECOND)}: flush rate ${fmt(flushRate)} events/s against the ${fmt(TARGET_PER_SECOND)}/s target`);
console.log(`${verdict(keptUp)}: sustained ${fmt(rate)} events/s ${keptUp ? 'kept up' : 'fell behind'} against the ${fmt(TARGET_PER_SECOND)}/s target`);
