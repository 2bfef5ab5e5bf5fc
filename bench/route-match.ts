// Route matching at scale: the gateway's own compile step and router over 100, 1,000 and
// 10,000 routes (APIs of 50 routes each: static, one-parameter and nested paths), timed
// per match over paths spread across every route.
//
//   npx tsx bench/route-match.ts [--routes 10000] [--matches 2000000] [--only-largest]
import type { HTTPMethod } from 'find-my-way';
import { compileSnapshot } from '../apps/gateway/src/config/compile-snapshot';
import { fixtureApi, fixtureRoute, fixtureSnapshot, testServices } from '../apps/gateway/src/testing/snapshot-fixture';
import { numberArg } from './lib/options';

const args = process.argv.slice(2);
const largest = numberArg('routes', 10_000);
const matches = numberArg('matches', 2_000_000);
const ROUTES_PER_API = 50;
const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Route templates of one API and a concrete path for each. */
function apiRoutes(api: number): Array<{ template: string; sample: string }> {
  const routes: Array<{ template: string; sample: string }> = [];
  for (let r = 0; routes.length < ROUTES_PER_API; r++) {
    routes.push({ template: `/resource-${r}`, sample: `/resource-${r}` });
    routes.push({ template: `/resource-${r}/{id}`, sample: `/resource-${r}/${1_000 + api * 7 + r}` });
    routes.push({ template: `/resource-${r}/{id}/items/{itemId}`, sample: `/resource-${r}/ab${r}/items/${api}` });
  }
  return routes.slice(0, ROUTES_PER_API);
}

function measure(routeCount: number): { compileMs: number; nsPerMatch: number; routes: number } {
  const apiCount = Math.ceil(routeCount / ROUTES_PER_API);
  const samples: string[] = [];
  const apis = Array.from({ length: apiCount }, (_, a) => {
    const routes = apiRoutes(a);
    for (const route of routes) samples.push(`/api-${a}${route.sample}`);
    return fixtureApi(`api-${a}`, `/api-${a}`, routes.map((route) => fixtureRoute(route.template)));
  });
  const services = testServices();
  const started = performance.now();
  const compiled = compileSnapshot(fixtureSnapshot(apis), 'database', services);
  const compileMs = performance.now() - started;
  // Visit the routes in a scrambled order so no branch of the tree stays hot.
  const order = samples.map((_, i) => samples[(i * 7_919) % samples.length]!);
  const router = compiled.router;
  const method: HTTPMethod = 'GET';
  let found = 0;
  for (let i = 0; i < 200_000; i++) if (router.find(method, order[i % order.length]!) !== null) found++;
  if (found !== 200_000) throw new Error(`only ${found} of 200,000 warm-up paths matched`);
  const begin = process.hrtime.bigint();
  for (let i = 0; i < matches; i++) router.find(method, order[i % order.length]!);
  const nsPerMatch = Number(process.hrtime.bigint() - begin) / matches;
  void services.pools.close(0);
  return { compileMs, nsPerMatch, routes: compiled.routes.length };
}

console.log('| routes | compile (ms) | ns per match |\n| ---: | ---: | ---: |');
let last = { nsPerMatch: 0, routes: 0 };
for (const count of args.includes('--only-largest') ? [largest] : [100, 1_000, largest]) {
  const result = measure(count);
  console.log(`| ${fmt(result.routes)} | ${fmt(result.compileMs)} | ${fmt(result.nsPerMatch)} |`);
  last = result;
}
console.log(`\nsummary: route match at ${fmt(last.routes)} routes: ${fmt(last.nsPerMatch)} ns per match`);
process.exit(0);
