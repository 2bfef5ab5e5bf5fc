// The results as markdown (bench/results/*.md) and the one-line summary.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import type { OpenVariantResult, VariantResult } from './measure';
import type { BenchOptions } from './options';
import type { ScaleResult } from './scale';

export interface Report {
  options: BenchOptions;
  startedAt: Date;
  loadAtStart: number[];
  pinning: string;
  closed: VariantResult[];
  open: OpenVariantResult[];
  tollgate: { redisCallsPer1000: number | null; usageRecorded: number; requests: number };
  multicore: string;
  scale: ScaleResult[];
  notes: string[];
}

const f = (value: number | null | undefined, digits = 0) => (value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const mb = (bytes: number | null) => (bytes === null ? '–' : f(bytes / 1024 ** 2, 0));

export function machine(): string {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    // not a checkout
  }
  const distro = /PRETTY_NAME="([^"]+)"/.exec(safeRead('/etc/os-release'))?.[1] ?? 'Linux';
  return `${availableParallelism()} x ${model}, ${f(totalmem() / 1024 ** 3, 1)} GiB RAM, ${distro} (kernel ${release()}), Node ${process.version}, commit ${commit}`;
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

export interface Ratios {
  cpuVsFloor: number | null;
  rpsVsFloor: number | null;
  cpuVsNginx: number | null;
  rpsVsNginx: number | null;
  cpuVsPeer: number | null;
  rpsVsPeer: number | null;
  addedP50Ms: number | null;
  addedP99Ms: number | null;
}

export function ratios(report: Report): Ratios {
  const by = (id: string) => report.closed.find((result) => result.variant.id === id);
  const open = (id: string) => report.open.find((result) => result.variant.id === id);
  const tollgate = by('tollgate');
  const ratio = (a: number | null | undefined, b: number | null | undefined) => (a && b ? a / b : null);
  const direct = open('direct');
  const gateway = open('tollgate');
  return {
    cpuVsFloor: ratio(tollgate?.cpuUs, by('floor')?.cpuUs),
    rpsVsFloor: ratio(tollgate?.rps, by('floor')?.rps),
    cpuVsNginx: ratio(tollgate?.cpuUs, by('nginx')?.cpuUs),
    rpsVsNginx: ratio(tollgate?.rps, by('nginx')?.rps),
    cpuVsPeer: ratio(tollgate?.cpuUs, by('fastify')?.cpuUs),
    rpsVsPeer: ratio(tollgate?.rps, by('fastify')?.rps),
    addedP50Ms: direct && gateway ? gateway.p50Ms - direct.p50Ms : null,
    addedP99Ms: direct && gateway ? gateway.p99Ms - direct.p99Ms : null,
  };
}

const verdict = (ok: boolean | null) => (ok === null ? '–' : ok ? 'met' : 'missed');

export function renderMarkdown(report: Report): string {
  const { options } = report;
  const r = ratios(report);
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  push(
    `# Benchmark results: ${report.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC (${options.mode})`,
    '',
    `- Machine: ${machine()}`,
    `- Load average at start: ${report.loadAtStart.map((n) => n.toFixed(2)).join(' / ')}; at end: ${loadavg().map((n) => n.toFixed(2)).join(' / ')}`,
    `- Load: ${options.tool === 'wrk' ? 'wrk (1 thread)' : 'autocannon'}, ${options.connections} keep-alive connections, \`GET /bench/items/42\` with an \`X-Api-Key\` header, a 94-byte JSON answer from a node:http upstream`,
    `- ${report.pinning}`,
    `- ${options.warmupSeconds} s warm-up per variant, then ${options.rounds} rounds of ${options.roundSeconds} s visiting every variant in turn (order reversed every other round); medians`,
    `- Command: \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\``,
    ...report.notes.map((note) => `- ${note}`),
    '',
    '## Closed loop: throughput and cost',
    '',
    '| variant | req/s | p50 (ms) | p99 (ms) | proxy CPU per request (µs) | peak RSS (MB) | failed requests |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...report.closed.map((x) => `| ${x.variant.label} | ${f(x.rps)} | ${f(x.p50Ms, 2)} | ${f(x.p99Ms, 2)} | ${f(x.cpuUs, 1)} | ${mb(x.peakRssBytes)} | ${f(x.failures)} |`),
    '',
    '## Tollgate against the others',
    '',
    '| Tollgate vs | CPU per request | throughput | target | verdict |',
    '| --- | ---: | ---: | --- | --- |',
    `| Node floor | ${f(r.cpuVsFloor, 2)} x | ${f(r.rpsVsFloor, 2)} x | CPU <= 1.25 x, throughput >= 0.8 x | ${verdict(r.cpuVsFloor === null ? null : r.cpuVsFloor <= 1.25 && (r.rpsVsFloor ?? 0) >= 0.8)} |`,
    `| nginx | ${f(r.cpuVsNginx, 2)} x | ${f(r.rpsVsNginx, 2)} x | (reference) | |`,
    `| @fastify/http-proxy | ${f(r.cpuVsPeer, 2)} x | ${f(r.rpsVsPeer, 2)} x | below 1 x (the full chain costs less than the peer's plain proxying) | ${verdict(r.cpuVsPeer === null ? null : r.cpuVsPeer < 1)} |`,
    '',
    `Tollgate's chain in this run: key auth, plan rate limit + monthly quota shared through Redis (lease limiter), usage metering (spool + batched PostgreSQL writes, one request_log row and rollups per request), Prometheus metrics, access log (one JSON line per request, to a file). ` +
      `Redis calls per 1,000 requests: ${f(report.tollgate.redisCallsPer1000, 1)}. Usage events committed to PostgreSQL: ${f(report.tollgate.usageRecorded)} of ${f(report.tollgate.requests)} requests.`,
    '',
    `## Open loop: ${f(options.openRate)} req/s, latency added over the direct call`,
    '',
    `${options.openRounds} round(s) of ${options.openSeconds} s per variant, ${options.connections} connections, latency from the moment each request was due (bench/load/open-loop.ts).`,
    '',
    '| variant | p50 (ms) | p90 (ms) | p99 (ms) | p99.9 (ms) | added p50 (ms) | added p99 (ms) | failed |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  const direct = report.open.find((x) => x.variant.id === 'direct');
  for (const x of report.open) {
    const added = (a: number, b: number | undefined) => (direct && x !== direct && b !== undefined ? f(a - b, 3) : '–');
    push(`| ${x.variant.label} | ${f(x.p50Ms, 3)} | ${f(x.p90Ms, 3)} | ${f(x.p99Ms, 3)} | ${f(x.p999Ms, 3)} | ${added(x.p50Ms, direct?.p50Ms)} | ${added(x.p99Ms, direct?.p99Ms)} | ${f(x.failures)} |`);
  }
  push('', `Target: Tollgate adds under 1 ms at p99: ${verdict(r.addedP99Ms === null ? null : r.addedP99Ms < 1)}.`, '', '## Scale', '', '| run | result | time (s) |', '| --- | --- | ---: |');
  for (const s of report.scale) push(`| ${s.title} | ${s.headline} | ${f(s.seconds, 1)} |`);
  push(`| Multi-core (GATEWAY_WORKERS=2) | ${report.multicore} | |`);
  for (const s of report.scale) push('', `### ${s.title}`, '', `\`${s.command}\``, '', s.output);
  return `${lines.join('\n')}\n`;
}

export function summaryLine(report: Report, path: string | null): string {
  const r = ratios(report);
  return (
    `bench (${report.options.mode}): Tollgate full chain ${f(r.cpuVsFloor, 2)} x floor CPU/req (target <= 1.25), ${f(r.rpsVsFloor, 2)} x floor req/s, ` +
    `${f(r.cpuVsNginx, 2)} x nginx, ${f(r.cpuVsPeer, 2)} x @fastify/http-proxy CPU/req; at ${f(report.options.openRate)} req/s it adds ` +
    `${f(r.addedP50Ms, 3)} ms p50 / ${f(r.addedP99Ms, 3)} ms p99 (target < 1 ms)${path ? `; ${path}` : ''}`
  );
}
