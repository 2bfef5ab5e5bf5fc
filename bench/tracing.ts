// What OpenTelemetry tracing costs the gateway, side by side in one run: two gateways with
// tracing off (no OTEL_EXPORTER_OTLP_ENDPOINT: the A/A pair shows the noise of the run),
// one exporting a span per request to an OTLP/HTTP collector started here, and the floor
// proxy (bench/servers/floor-proxy.ts) as the baseline of a proxy doing nothing else.
// With `--before DIR`, a gateway from another checkout (e.g. `git worktree add DIR <rev>`
// at a revision before tracing) runs beside them, so "off" is compared with "never there".
// Prints CPU µs per request and ratios against the first tracing-off gateway.
//
//   npx tsx bench/tracing.ts [--rounds 5] [--seconds 5] [--traceparent] [--before DIR]
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HAS_WRK } from './lib/load';
import { closedRounds } from './lib/measure';
import { sideBySideOptions } from './lib/options';
import { BENCH_PATH, prepareTollgate, startTollgate, type RunningTollgate } from './lib/tollgate';
import { LOAD_CPU, nodeServer, PROXY_CPU, type Variant } from './lib/variants';
import type { Child } from './lib/child';

const args = process.argv.slice(2);
const beforeAt = args.indexOf('--before');
const before = beforeAt >= 0 ? args.splice(beforeAt, 2)[1] : undefined;
const withTraceparent = args.includes('--traceparent');
const options = sideBySideOptions(HAS_WRK, { rounds: 5, seconds: 5 });

/** An OTLP/HTTP collector that counts the spans it is sent (JSON) and keeps nothing. */
async function startCollector(): Promise<{ url: string; spans: () => number; close: () => void }> {
  let spans = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      spans += text.split('"spanId"').length - 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans: () => spans, close: () => server.close() };
}

const children: Child[] = [];
const upstream = await nodeServer('upstream', 'upstream.ts', [], LOAD_CPU);
children.push(upstream);
const upstreamPort = upstream.match[1]!;
const collector = await startCollector();
const setup = await prepareTollgate(`http://127.0.0.1:${upstreamPort}`);
const gateways: RunningTollgate[] = [];
try {
  const floor = await nodeServer('floor', 'floor-proxy.ts', [upstreamPort], PROXY_CPU);
  children.push(floor);
  const quiet = { GATEWAY_ACCESS_LOG: '0', GATEWAY_DISCOVERY: '0' };
  const start = async (env: NodeJS.ProcessEnv, cwd?: string) => {
    const gateway = await startTollgate(setup, PROXY_CPU, { ...quiet, ...env }, [], cwd);
    gateways.push(gateway);
    return gateway;
  };
  const offA = await start({});
  const offB = await start({});
  const on = await start({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_SERVICE_NAME: 'bench-gateway' });
  const old = before === undefined ? null : await start({}, before);
  const url = (gateway: RunningTollgate) => `http://127.0.0.1:${gateway.port}${BENCH_PATH}`;
  const variants: Variant[] = [
    { id: 'tollgate (OTEL off A)', label: 'tracing off (A)', url: url(offA), child: offA.child },
    { id: 'tollgate (OTEL off B)', label: 'tracing off (B, same build: the noise)', url: url(offB), child: offB.child },
    { id: 'tollgate (OTEL on)', label: 'tracing on (every span exported)', url: url(on), child: on.child },
    ...(old ? [{ id: 'tollgate (before)' as const, label: `gateway from ${before}`, url: url(old), child: old.child }] : []),
    { id: 'floor', label: 'floor proxy (baseline)', url: `http://127.0.0.1:${floor.match[1]}${BENCH_PATH}`, child: floor },
  ];
  const headers: Record<string, string> = { 'x-api-key': setup.key };
  // A caller that is traced itself: every gateway continues its trace.
  if (withTraceparent) headers.traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
  console.log(`${BENCH_PATH}, ${withTraceparent ? 'with' : 'without'} a caller's traceparent: ${options.rounds} rounds of ${options.roundSeconds} s, ${options.tool}, ${options.connections} connections`);
  const results = await closedRounds(variants, options, headers, (line) => console.log(line));
  const base = results[0]!.cpuUs!;
  console.log(`\n| gateway | req/s | p99 ms | CPU per request (µs, median) | x tracing off (A) |\n| --- | ---: | ---: | ---: | ---: |`);
  for (const result of results) console.log(`| ${result.variant.label} | ${Math.round(result.rps)} | ${result.p99Ms.toFixed(2)} | ${result.cpuUs!.toFixed(1)} | ${(result.cpuUs! / base).toFixed(2)} |`);
  const traced = results.find((result) => result.variant.id === 'tollgate (OTEL on)')!;
  // The batch processor sends what it holds every 5 s; give it one period.
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  console.log(`\nthe collector received ${collector.spans()} spans for ${traced.requests} measured requests (plus the warm-up's) to the tracing gateway`);
} finally {
  for (const gateway of gateways) await gateway.child.stop();
  for (const child of children) await child.stop();
  collector.close();
  await setup.dispose();
}
