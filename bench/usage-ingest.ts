// Usage ingestion: how many usage events per second one gateway instance records into
// PostgreSQL: spool appends (the request path's share) and flushes (batch insert into
// request_log + per-minute rollups in one transaction per batch), into a fresh database.
//
//   npx tsx bench/usage-ingest.ts [--events 300000] [--batch 20000] [--keys 200]
//
// Uses DATABASE_URL's server (default postgresql://postgres@127.0.0.1:5432) and a
// database of its own, `tollgate_bench_usage`, dropped and recreated on every run.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyMigrations, dropDatabase } from '@tollgate/db/migrate';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { SpoolUsageSink } from '../apps/gateway/src/adapters/usage-sink/usage-sink';
import type { CompiledRoute } from '../apps/gateway/src/config/compiled-snapshot.types';
import type { GatewayContext, Principal } from '../apps/gateway/src/pipeline/context';
import { encodeUsageEvent } from '../apps/gateway/src/stages/record/usage-event';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => Number(args[args.indexOf(`--${name}`) + 1] ?? 0) || fallback;
const eventCount = flag('events', 300_000);
const batchEvents = flag('batch', 20_000);
const keyCount = flag('keys', 200);
const server = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
server.pathname = '/tollgate_bench_usage';
const url = server.toString();
const fmt = (value: number) => Math.round(value).toLocaleString('en-US');

await dropDatabase(url).catch(() => {});
await applyMigrations(url);
const dir = join(mkdtempSync(join(tmpdir(), 'tollgate-bench-spool-')), 'spool');
const sink = new SpoolUsageSink({
  dir,
  gatewayId: 'bench-gateway',
  databaseUrl: url,
  maxBytes: 8 * 1024 ** 3,
  fsyncMs: 0,
  flushMs: 3_600_000,
  batchEvents,
  retentionDays: 0,
  shutdownTimeoutMs: 600_000,
  log: pino({ level: 'warn' }),
  registry: new Registry(),
});

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

// 1. The request path's share: encode + synchronous append.
let started = performance.now();
let cpu = process.cpuUsage();
for (let i = 0; i < eventCount; i++) {
  const ctx = contexts[i % contexts.length]!;
  ctx.requestId = randomUUID();
  sink.append(encodeUsageEvent(ctx as unknown as GatewayContext, i % 20 === 0 ? 404 : 200, 512, sink.gatewayId));
}
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
rmSync(dir, { recursive: true, force: true });
if (!ok) throw new Error('flush failed');

const { createDb } = await import('@tollgate/db');
const db = createDb(url, { max: 1 });
const [row] = await db.$queryRawUnsafe<Array<{ log: bigint; counted: bigint }>>(
  'SELECT (SELECT count(*) FROM request_log) AS log, (SELECT sum(count) FROM usage_rollups) AS counted',
);
await db.$disconnect();
await dropDatabase(url).catch(() => {});
if (Number(row!.log) !== eventCount || Number(row!.counted) !== eventCount) throw new Error(`stored ${row!.log} log rows, ${row!.counted} counted, expected ${eventCount}`);

console.log(`usage ingestion, ${fmt(eventCount)} events, batches of ${fmt(batchEvents)}, ${keyCount} keys`);
console.log(`  spool append (request path):  ${fmt(eventCount / (appendMs / 1000))} events/s  (${((appendMs * 1000) / eventCount).toFixed(2)} µs/event)`);
console.log(`  flush into PostgreSQL:         ${fmt(eventCount / (flushMs / 1000))} events/s  (${fmt(flushMs)} ms)`);
console.log(`  end to end:                    ${fmt(eventCount / ((appendMs + flushMs) / 1000))} events/s`);
console.log(`  gateway CPU per event: append ${cpuPerEvent(appendCpu)} µs, flush ${cpuPerEvent(flushCpu)} µs (PostgreSQL's CPU not included)`);
console.log(`  spool bytes before flush: ${fmt(spoolBytes)} (${Math.round(spoolBytes / eventCount)} bytes/event)`);
console.log(`  machine: ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`);
