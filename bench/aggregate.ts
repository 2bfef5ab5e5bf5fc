// What an aggregate route costs the gateway beside a plain proxied call, side by side in
// one run on one gateway: GET /bench/items/42 (proxied) and GET /bench/overview/42, whose
// backend calls the same upstream three times in parallel and merges the JSON answers.
// Prints CPU µs per request of the gateway process and the ratio to the proxied call; an
// aggregate does three upstream exchanges per client request, so about 3x is the floor of
// a gateway that adds nothing of its own.
//
//   npx tsx bench/aggregate.ts [--rounds 3] [--seconds 4]
import { createDb } from '@tollgate/db';
import { CLI_PRINCIPAL, createRoute, runOperation } from '@tollgate/operations';
import { HAS_WRK } from './lib/load';
import { closedRounds } from './lib/measure';
import { sideBySideOptions } from './lib/options';
import { BENCH_PATH, prepareTollgate, startTollgate, type RunningTollgate } from './lib/tollgate';
import { LOAD_CPU, nodeServer, PROXY_CPU, type Variant } from './lib/variants';

const options = sideBySideOptions(HAS_WRK);
const AGGREGATE_PATH = '/bench/overview/42';

const upstream = await nodeServer('upstream', 'upstream.ts', [], LOAD_CPU);
const setup = await prepareTollgate(`http://127.0.0.1:${upstream.match[1]}`);
const db = createDb(setup.databaseUrl, { max: 1 });
await runOperation(db, CLI_PRINCIPAL, createRoute, {
  apiSlug: 'bench',
  path: '/overview/{id}',
  backend: {
    kind: 'aggregate',
    calls: [
      { name: 'item', path: '/bench/items/{params.id}' },
      { name: 'price', path: '/bench/items/{params.id}', query: { view: 'price' }, timeoutMs: 1000 },
      { name: 'stock', path: '/bench/items/{params.id}', query: { view: 'stock' }, timeoutMs: 1000, optional: true },
    ],
  },
});
let gateway: RunningTollgate | undefined;
try {
  gateway = await startTollgate(setup, PROXY_CPU, { GATEWAY_ACCESS_LOG: '0', GATEWAY_DISCOVERY: '0' });
  const check = (await (await fetch(`http://127.0.0.1:${gateway.port}${AGGREGATE_PATH}`, { headers: { 'x-api-key': setup.key } })).json()) as Record<string, unknown>;
  if (!check.item || !check.price || !check.stock) throw new Error(`the aggregate route did not answer all three calls: ${JSON.stringify(check)}`);
  const base = `http://127.0.0.1:${gateway.port}`;
  const variants: Variant[] = [
    { id: 'tollgate (proxy)', label: 'proxied call', url: `${base}${BENCH_PATH}`, child: gateway.child },
    { id: 'tollgate (aggregate)', label: 'aggregate of three calls', url: `${base}${AGGREGATE_PATH}`, child: gateway.child },
  ];
  console.log(`${BENCH_PATH} beside ${AGGREGATE_PATH}: ${options.rounds} rounds of ${options.roundSeconds} s, ${options.tool}, ${options.connections} connections`);
  const results = await closedRounds(variants, options, { 'x-api-key': setup.key }, (line) => console.log(line));
  const baseUs = results[0]!.cpuUs!;
  console.log(`\n| route | req/s | p99 ms | CPU per request (µs, median) | x proxied |\n| --- | ---: | ---: | ---: | ---: |`);
  for (const result of results) console.log(`| ${result.variant.label} | ${Math.round(result.rps)} | ${result.p99Ms.toFixed(2)} | ${result.cpuUs!.toFixed(1)} | ${(result.cpuUs! / baseUs).toFixed(2)} |`);
} finally {
  await gateway?.child.stop();
  await db.$disconnect();
  await upstream.stop();
  await setup.dispose();
}
