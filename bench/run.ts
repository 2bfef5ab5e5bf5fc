// `npm run bench`: Tollgate's gateway side by side with the Node floor, nginx and
// @fastify/http-proxy on this machine, then the scale runs; writes
// bench/results/<date>-<mode>.md and bench/results/latest.md and prints a one-line summary.
//
//   npm run bench                 full run
//   npm run bench -- --quick      under 3 minutes
//   npm run bench -- --smoke      a few seconds, nothing written (checks the harness)
//   npm run bench -- --help
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { HAS_TASKSET, LOG_DIR, removeLogs } from './lib/child';
import { closedLoad, HAS_WRK } from './lib/load';
import { closedRounds, openRounds } from './lib/measure';
import { parseOptions } from './lib/options';
import { cpuMicros, processTree } from './lib/proc-stats';
import { renderMarkdown, summaryLine, type Report } from './lib/report';
import { scaleRuns } from './lib/scale';
import { scrapeCounter, startTollgate } from './lib/tollgate';
import { LOAD_CPU, PROXY_CPU, startLineup, type Lineup } from './lib/variants';

const options = parseOptions(process.argv.slice(2), HAS_WRK);
const startedAt = new Date();
const loadAtStart = loadavg();
const log = (line: string) => console.log(`[${String(Math.round((Date.now() - startedAt.getTime()) / 1000)).padStart(3)} s] ${line}`);

log(`bench ${options.mode}: load average ${loadAtStart.map((n) => n.toFixed(2)).join(' ')}; load generator ${options.tool}${HAS_WRK ? '' : ' (wrk not installed)'}`);
if (loadAtStart[0]! > 3) log('  note: the machine is busy; CPU per request stays comparable, throughput and latency less so');

const REQUESTS = 'tollgate_gateway_requests_total';
const REDIS_CALLS = 'tollgate_gateway_rate_limiter_store_calls_total';
const FLUSHED = 'tollgate_gateway_usage_events_flushed_total';

async function counters(adminUrl: string): Promise<{ requests: number; calls: number; flushed: number }> {
  const [requests, calls, flushed] = await Promise.all([REQUESTS, REDIS_CALLS, FLUSHED].map((name) => scrapeCounter(adminUrl, name)));
  return { requests: requests!, calls: calls!, flushed: flushed! };
}

/** GATEWAY_WORKERS=2 against the same database, unpinned, when the gateway has that setting. */
async function multicore(lineup: Lineup, headers: Record<string, string>): Promise<string> {
  const envSource = readFileSync(new URL('../apps/gateway/src/env.ts', import.meta.url), 'utf8');
  if (!envSource.includes('GATEWAY_WORKERS')) return 'not supported by the gateway yet (no GATEWAY_WORKERS setting); not measured';
  const gateway = await startTollgate(lineup.setup, undefined, { GATEWAY_WORKERS: '2' });
  try {
    const url = `http://127.0.0.1:${gateway.port}/bench/items/42`;
    // Two fresh workers: give their JIT a little longer than the pinned variants get.
    await closedLoad({ tool: options.tool, url, headers, connections: options.connections, seconds: Math.max(4, options.warmupSeconds) });
    const before = cpuMicros(processTree(gateway.child.pid));
    const result = await closedLoad({ tool: options.tool, url, headers, connections: options.connections, seconds: options.roundSeconds });
    const cpuUs = (cpuMicros(processTree(gateway.child.pid)) - before) / result.requests;
    return `${Math.round(result.rps).toLocaleString('en-US')} req/s, p99 ${result.p99Ms.toFixed(2)} ms, ${cpuUs.toFixed(1)} µs CPU/req (unpinned; load generator and upstream share the cores)`;
  } finally {
    await gateway.child.stop();
  }
}

async function main(): Promise<void> {
  log('starting the upstream, the proxies and Tollgate (fresh database tollgate_bench_gateway) ...');
  const lineup = await startLineup(options.mode === 'full' || process.argv.includes('--access-log-variant'));
  for (const note of lineup.notes) log(note);
  const headers = { 'x-api-key': lineup.setup.key };
  const adminUrl = lineup.tollgate.adminUrl;
  let report: Report;
  try {
    const before = await counters(adminUrl);
    log(`closed loop: ${options.connections} connections, ${options.rounds} rounds of ${options.roundSeconds} s`);
    const closed = await closedRounds(lineup.variants, options, headers, log);
    // The floor's added latency is a useful reference, but quick runs keep to what the target needs.
    const openIds = options.mode === 'quick' ? ['direct', 'tollgate'] : ['direct', 'floor', 'tollgate'];
    const openVariants = lineup.variants.filter((variant) => openIds.includes(variant.id));
    log(`open loop: ${options.openRate} req/s`);
    const open = await openRounds(openVariants, options, headers, log);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const after = await counters(adminUrl);
    const served = after.requests - before.requests;
    log('multi-core ...');
    const multi = await multicore(lineup, headers).catch((error: Error) => `failed: ${error.message.split('\n')[0]}`);
    report = {
      options,
      startedAt,
      loadAtStart,
      pinning: HAS_TASKSET && PROXY_CPU !== undefined ? `Pinning (taskset): every proxy on CPU ${PROXY_CPU}, load generator and upstream on CPU ${LOAD_CPU}; PostgreSQL and Redis unpinned` : 'No pinning (taskset missing or a single CPU)',
      closed,
      open,
      tollgate: { redisCallsPer1000: served > 0 ? ((after.calls - before.calls) / served) * 1_000 : null, usageRecorded: after.flushed - before.flushed, requests: served },
      multicore: multi,
      scale: [],
      notes: lineup.notes,
    };
  } finally {
    await lineup.stop();
  }
  if (options.scale) {
    log('scale runs ...');
    report.scale = await scaleRuns(options, log);
  }
  let path: string | null = null;
  if (options.write) {
    const dir = new URL('./results/', import.meta.url);
    mkdirSync(dir, { recursive: true });
    const markdown = renderMarkdown(report);
    const name = `${startedAt.toISOString().slice(0, 10)}-${options.mode}.md`;
    writeFileSync(new URL(name, dir), markdown);
    writeFileSync(new URL('latest.md', dir), markdown);
    path = `bench/results/${name}`;
  } else {
    console.log(`\n${renderMarkdown(report)}`);
  }
  console.log(`\n${summaryLine(report, path)}`);
  removeLogs();
}

try {
  await main();
  process.exit(0);
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}\n(the processes' output is in ${LOG_DIR})`);
  process.exit(1);
}
