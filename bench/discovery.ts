// What shadow-API discovery costs the gateway, side by side in one run: two gateways
// (GATEWAY_DISCOVERY=0 and =1) behind the same upstream, on a route whose API's OpenAPI
// document does not describe the path (so every request is templated and counted), then
// 100,000 distinct random paths through each (matching no route under a served base
// path: the flood case) with CPU per request, the gateway's memory after, and what the
// discovery metrics say (templates held, overflow past the cap).
//
//   npx tsx bench/discovery.ts [--rounds 3] [--seconds 4] [--paths 100000]
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createDb } from '@tollgate/db';
import { Pool } from 'undici';
import { HAS_WRK } from './lib/load';
import { closedRounds } from './lib/measure';
import { numberArg, sideBySideOptions } from './lib/options';
import { cpuMicros, processTree } from './lib/proc-stats';
import { BENCH_PATH, prepareTollgate, scrapeCounter, startTollgate, type RunningTollgate } from './lib/tollgate';
import { LOAD_CPU, nodeServer, PROXY_CPU, type Variant } from './lib/variants';

const options = sideBySideOptions(HAS_WRK);
const PATHS = numberArg('paths', 100_000);
const CONCURRENCY = 32;

/** Resident memory (VmRSS) of the processes now, in bytes. */
function rssBytes(pids: readonly number[]): number {
  let kb = 0;
  for (const pid of pids) kb += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return kb * 1024;
}

const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'orders', 'users', 'export', 'admin', 'debug', 'files'];
/** A random path under /bench that no route matches: random words, ids and tokens, one to four segments deep. */
function randomPath(): string {
  const depth = 1 + Math.floor(Math.random() * 4);
  const segments = ['r'];
  for (let i = 0; i < depth; i++) {
    const pick = Math.random();
    segments.push(pick < 0.3 ? WORDS[Math.floor(Math.random() * WORDS.length)]! : pick < 0.6 ? String(Math.floor(Math.random() * 1e9)) : randomBytes(5).toString('base64url').replace(/[^a-z]/gi, 'x'));
  }
  return `/bench/${segments.join('/')}`;
}

async function flood(gateway: RunningTollgate, key: string, count: number): Promise<{ cpuUs: number; rssBefore: number; rssAfter: number; seconds: number }> {
  const pids = processTree(gateway.child.pid);
  const rssBefore = rssBytes(pids);
  const pool = new Pool(`http://127.0.0.1:${gateway.port}`, { connections: CONCURRENCY });
  const cpuBefore = cpuMicros(pids);
  const started = performance.now();
  let sent = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (sent < count) {
        sent++;
        const response = await pool.request({ method: 'GET', path: randomPath(), headers: { 'x-api-key': key } });
        await response.body.dump();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuUs = (cpuMicros(pids) - cpuBefore) / count;
  await pool.close();
  // Two flush periods, so what was held is in PostgreSQL and memory shows what stays.
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  return { cpuUs, rssBefore, rssAfter: rssBytes(pids), seconds };
}

const upstream = await nodeServer('upstream', 'upstream.ts', [], LOAD_CPU);
const setup = await prepareTollgate(`http://127.0.0.1:${upstream.match[1]}`);
// The bench API's document describes another path, so /bench/items/{id} is undocumented and discovery works on every request.
const db = createDb(setup.databaseUrl, { max: 1 });
await db.api.update({ where: { slug: 'bench' }, data: { openapi: { openapi: '3.1.0', info: { title: 'Bench', version: '1' }, paths: { '/status': { get: { responses: { 200: { description: 'ok' } } } } } } } });
const gateways: RunningTollgate[] = [];
try {
  const off = await startTollgate(setup, PROXY_CPU, { GATEWAY_DISCOVERY: '0', GATEWAY_ACCESS_LOG: '0' });
  gateways.push(off);
  const on = await startTollgate(setup, PROXY_CPU, { GATEWAY_DISCOVERY: '1', GATEWAY_ACCESS_LOG: '0' });
  gateways.push(on);
  const variants: Variant[] = [
    { id: 'tollgate (GATEWAY_DISCOVERY=0)', label: 'discovery off', url: `http://127.0.0.1:${off.port}${BENCH_PATH}`, child: off.child },
    { id: 'tollgate (GATEWAY_DISCOVERY=1)', label: 'discovery on', url: `http://127.0.0.1:${on.port}${BENCH_PATH}`, child: on.child },
  ];
  console.log(`undocumented route ${BENCH_PATH}: ${options.rounds} rounds of ${options.roundSeconds} s, ${options.tool}`);
  const results = await closedRounds(variants, options, { 'x-api-key': setup.key }, (line) => console.log(line));
  const baseUs = results[0]!.cpuUs!;
  console.log(`\n| gateway | req/s | p99 ms | CPU per request (µs, median) | x off |\n| --- | ---: | ---: | ---: | ---: |`);
  for (const result of results) console.log(`| ${result.variant.label} | ${Math.round(result.rps)} | ${result.p99Ms.toFixed(2)} | ${result.cpuUs!.toFixed(1)} | ${(result.cpuUs! / baseUs).toFixed(2)} |`);

  console.log(`\n${PATHS.toLocaleString('en')} distinct random paths (no route, under /bench), ${CONCURRENCY} connections:`);
  // Two halves in the order off, on, on, off, so a burst of noise on a shared machine lands on both.
  const offFirst = await flood(off, setup.key, PATHS / 2);
  const onFirst = await flood(on, setup.key, PATHS / 2);
  const onSecond = await flood(on, setup.key, PATHS / 2);
  const offSecond = await flood(off, setup.key, PATHS / 2);
  const both = (a: typeof offFirst, b: typeof offFirst) => ({ cpuUs: (a.cpuUs + b.cpuUs) / 2, rssBefore: a.rssBefore, rssAfter: b.rssAfter, seconds: a.seconds + b.seconds });
  const offFlood = both(offFirst, offSecond);
  const onFlood = both(onFirst, onSecond);
  console.log(`CPU per request by half: off ${offFirst.cpuUs.toFixed(1)} / ${offSecond.cpuUs.toFixed(1)} µs, on ${onFirst.cpuUs.toFixed(1)} / ${onSecond.cpuUs.toFixed(1)} µs`);
  const mb = (bytes: number) => (bytes / 1024 ** 2).toFixed(1);
  console.log(`| gateway | CPU per request (µs, mean of the halves) | x off | RSS before (MB) | RSS after (MB) | growth (MB) |\n| --- | ---: | ---: | ---: | ---: | ---: |`);
  for (const [label, run] of [['discovery off', offFlood], ['discovery on', onFlood]] as const) {
    console.log(`| ${label} | ${run.cpuUs.toFixed(1)} | ${(run.cpuUs / offFlood.cpuUs).toFixed(2)} | ${mb(run.rssBefore)} | ${mb(run.rssAfter)} | ${mb(run.rssAfter - run.rssBefore)} |`);
  }
  const observed = await scrapeCounter(on.adminUrl, 'tollgate_gateway_discovery_requests_total');
  const overflow = await scrapeCounter(on.adminUrl, 'tollgate_gateway_discovery_overflow_total');
  const failures = await scrapeCounter(on.adminUrl, 'tollgate_gateway_discovery_flush_failures_total');
  const stored = await db.discoveredEndpoint.count();
  console.log(`\ndiscovery counted ${observed} requests, ${overflow} past the template cap, ${failures} failed flushes; ${stored} endpoints stored`);
} finally {
  for (const gateway of gateways) await gateway.child.stop();
  await db.$disconnect();
  await upstream.stop();
  await setup.dispose();
}
