// What one discovery flush costs PostgreSQL and the gateway, with the catalog loaded anew
// each time (every API's document, and a scan of the rollups' route keys) beside the
// gateway's CatalogCache, which keeps it while the config revision stays. Same batch,
// same database, runs interleaved.
//
//   npx tsx bench/discovery-flush.ts [--apis 30] [--rollups 300000] [--runs 20]
//
// Uses DATABASE_URL's server (default postgresql://postgres@127.0.0.1:5432) and a
// database of its own, `tollgate_bench_discovery_flush`, created and dropped by the run.
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, createDb } from '@tollgate/db';
import { applyMigrations, dropDatabase, ensureDatabase } from '@tollgate/db/migrate';
import { CatalogCache, recordObservations, type DiscoveryObservation } from '@tollgate/operations';
import { numberArg } from './lib/options';

const API_COUNT = Math.floor(numberArg('apis', 30));
const ROLLUP_ROWS = Math.floor(numberArg('rollups', 300_000));
const RUNS = Math.floor(numberArg('runs', 20));
const server = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const url = Object.assign(new URL(server), { pathname: '/tollgate_bench_discovery_flush' }).toString();

/** An OpenAPI document of 40 operations, as an imported API would carry. */
function document(n: number) {
  const paths = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`/resource${i}/{id}`, { get: { operationId: `get${n}x${i}`, responses: { 200: { description: 'ok' } } } }]));
  return { openapi: '3.1.0', info: { title: `API ${n}`, version: '1' }, paths };
}

const observation = (n: number): DiscoveryObservation => {
  const at = new Date();
  const template = `/api0/undocumented${n}/${n}`;
  return { host: '', method: 'GET', template, hits: 3, statuses: { 200: 3 }, consumers: ['10.0.0.1'], credentialsSeen: false, unauthenticatedHits: 3, firstSeenAt: at, lastSeenAt: at, samples: { [template]: 3 }, source: 'gateway' };
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

await dropDatabase(url).catch(() => {});
await ensureDatabase(url);
await applyMigrations(url);
const db = createDb(url, { max: 2 });
try {
  const config = ZConfigFile.parse({
    apis: Array.from({ length: API_COUNT }, (_, n) => ({ slug: `api${n}`, name: `API ${n}`, basePath: `/api${n}`, upstream: { targets: [{ url: 'http://127.0.0.1:9' }] }, routes: [{ path: '/*' }], openapi: document(n) })),
  });
  await applyConfig(db, config, { baseDir: process.cwd() });
  const apiIds = (await db.api.findMany({ select: { id: true } })).map((api) => api.id);
  await db.$executeRawUnsafe(
    `INSERT INTO usage_rollups (minute, "apiId", "routeKey", "statusClass", count)
     SELECT timestamp '2026-11-01' + (i / 10) * interval '1 minute', ($1::uuid[])[1 + i % ${apiIds.length}], 'GET /r' || (i % 40), 2, 1
     FROM generate_series(0, ${ROLLUP_ROWS - 1}) AS i`,
    apiIds,
  );
  await db.$executeRawUnsafe('ANALYZE usage_rollups');
  const cache = new CatalogCache();
  const batch = Array.from({ length: 20 }, (_, n) => observation(n));
  const timed = async (withCache: boolean) => {
    const started = performance.now();
    await db.$transaction((tx) => recordObservations(tx, batch, withCache ? { catalog: cache.load } : {}), { timeout: 60_000 });
    return performance.now() - started;
  };
  await timed(false);
  await timed(true);
  const fresh: number[] = [];
  const cached: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    fresh.push(await timed(false));
    cached.push(await timed(true));
  }
  console.log(`${API_COUNT} APIs with 40 documented operations each, ${ROLLUP_ROWS} minute rollups, a batch of ${batch.length} observations, ${RUNS} runs each\n`);
  console.log('| flush | median ms | x catalog loaded each time |\n| --- | ---: | ---: |');
  console.log(`| catalog loaded each time | ${median(fresh).toFixed(1)} | 1.00 |`);
  console.log(`| CatalogCache (gateway) | ${median(cached).toFixed(1)} | ${(median(cached) / median(fresh)).toFixed(2)} |`);
} finally {
  await db.$disconnect();
  await dropDatabase(url).catch(() => {});
}
