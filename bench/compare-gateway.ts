// Tollgate's CPU per request against the Node floor, in one run: the floor proxy and one
// gateway per variant (environment overrides) behind the same upstream, measured by the
// same closed-loop rounds as `npm run bench`. For measuring what one change or one
// setting costs without the whole run.
//
//   npx tsx bench/compare-gateway.ts [--rounds 3] [--seconds 4] ['' 'GATEWAY_ACCESS_LOG=0' 'A=1;B=2' ...]
//
// Each variant argument is a `;`-separated list of NAME=value for that gateway ('' = as configured).
import { HAS_WRK } from './lib/load';
import { closedRounds } from './lib/measure';
import { sideBySideOptions } from './lib/options';
import { BENCH_PATH, prepareTollgate, startTollgate, type RunningTollgate } from './lib/tollgate';
import { LOAD_CPU, nodeServer, PROXY_CPU, type Variant } from './lib/variants';

const args = process.argv.slice(2);
const options = sideBySideOptions(HAS_WRK);
const specs = args.length > 0 ? args : [''];

const upstream = await nodeServer('upstream', 'upstream.ts', [], LOAD_CPU);
const upstreamPort = upstream.match[1]!;
const floor = await nodeServer('floor', 'floor-proxy.ts', [upstreamPort], PROXY_CPU);
const setup = await prepareTollgate(`http://127.0.0.1:${upstreamPort}`);
const gateways: RunningTollgate[] = [];
const variants: Variant[] = [{ id: 'floor', label: 'Node floor', url: `http://127.0.0.1:${floor.match[1]}${BENCH_PATH}`, child: floor }];
try {
  for (const spec of specs) {
    const env = Object.fromEntries(spec.split(';').filter(Boolean).map((pair) => pair.split('=') as [string, string]));
    const gateway = await startTollgate(setup, PROXY_CPU, env);
    gateways.push(gateway);
    variants.push({ id: `tollgate (${spec})`, label: `Tollgate${spec ? ` (${spec})` : ''}`, url: `http://127.0.0.1:${gateway.port}${BENCH_PATH}`, child: gateway.child });
  }
  const results = await closedRounds(variants, options, { 'x-api-key': setup.key }, () => {});
  const floorUs = results[0]!.cpuUs!;
  console.log(`| variant | CPU per request (µs, median of ${options.rounds}) | x floor |\n| --- | ---: | ---: |`);
  for (const { variant, cpuUs } of results) console.log(`| ${variant.label} | ${cpuUs!.toFixed(1)} | ${(cpuUs! / floorUs).toFixed(2)} |`);
} finally {
  for (const gateway of gateways) await gateway.child.stop();
  await floor.stop();
  await upstream.stop();
  await setup.dispose();
}
