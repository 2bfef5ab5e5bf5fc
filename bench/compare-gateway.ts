// Tollgate's CPU per request against the Node floor, in one run: the floor proxy and one
// gateway per variant (environment overrides) behind the same upstream, warmed up, then
// alternating closed-loop rounds (wrk, 50 connections), medians. For measuring what one
// change or one setting costs without the whole `npm run bench`.
//
//   npx tsx bench/compare-gateway.ts [--rounds 3] [--seconds 4] ['' 'GATEWAY_ACCESS_LOG=0' 'A=1;B=2' ...]
//
// Each variant argument is a `;`-separated list of NAME=value for that gateway ('' = as configured).
import { startChild, TSX } from './lib/child';
import { closedLoad, HAS_WRK } from './lib/load';
import { median } from './lib/measure';
import { cpuMicros, processTree } from './lib/proc-stats';
import { BENCH_PATH, prepareTollgate, startTollgate, type RunningTollgate } from './lib/tollgate';
import { LOAD_CPU, PROXY_CPU } from './lib/variants';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args.splice(at, 2)[1]) || fallback : fallback;
};
const rounds = option('rounds', 3);
const seconds = option('seconds', 4);
const variantsWanted = args.length > 0 ? args : [''];
const tool = HAS_WRK ? ('wrk' as const) : ('autocannon' as const);

const upstream = await startChild({ name: 'upstream', command: process.execPath, args: [...TSX, new URL('./servers/upstream.ts', import.meta.url).pathname], cpu: LOAD_CPU, ready: /ready (\d+)/ });
const upstreamPort = upstream.match[1]!;
const floor = await startChild({ name: 'floor', command: process.execPath, args: [...TSX, new URL('./servers/floor-proxy.ts', import.meta.url).pathname, upstreamPort], cpu: PROXY_CPU, ready: /ready (\d+)/ });
const setup = await prepareTollgate(`http://127.0.0.1:${upstreamPort}`);
const gateways: RunningTollgate[] = [];
const variants = [{ name: 'Node floor', url: `http://127.0.0.1:${floor.match[1]}${BENCH_PATH}`, pid: floor.pid }];
try {
  for (const spec of variantsWanted) {
    const env = Object.fromEntries(spec.split(';').filter(Boolean).map((pair) => pair.split('=') as [string, string]));
    const gateway = await startTollgate(setup, PROXY_CPU, env);
    gateways.push(gateway);
    variants.push({ name: `Tollgate${spec ? ` (${spec})` : ''}`, url: `http://127.0.0.1:${gateway.port}${BENCH_PATH}`, pid: gateway.child.pid });
  }
  const headers = { 'x-api-key': setup.key };
  const load = (url: string, duration: number) => closedLoad({ tool, url, headers, connections: 50, seconds: duration, cpu: LOAD_CPU });
  for (const variant of variants) await load(variant.url, 3);
  const samples = new Map(variants.map((variant) => [variant, [] as number[]]));
  for (let round = 0; round < rounds; round++) {
    for (const variant of round % 2 ? [...variants].reverse() : variants) {
      const before = cpuMicros(processTree(variant.pid));
      const result = await load(variant.url, seconds);
      samples.get(variant)!.push((cpuMicros(processTree(variant.pid)) - before) / result.requests);
    }
  }
  const floorUs = median(samples.get(variants[0]!)!);
  console.log(`| variant | CPU per request (µs, median of ${rounds}) | x floor |\n| --- | ---: | ---: |`);
  for (const variant of variants) {
    const us = median(samples.get(variant)!);
    console.log(`| ${variant.name} | ${us.toFixed(1)} | ${(us / floorUs).toFixed(2)} |`);
  }
} finally {
  for (const gateway of gateways) await gateway.child.stop();
  await floor.stop();
  await upstream.stop();
  await setup.dispose();
}
