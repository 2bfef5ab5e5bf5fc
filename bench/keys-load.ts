// Config load at scale: how long a gateway takes to load N API keys from PostgreSQL, how
// much heap each key costs, how fast one key change is applied incrementally, and how
// the disk snapshot copes.
//
//   npx tsx bench/keys-load.ts [--keys 1000000] [--fresh]
//
// Uses DATABASE_URL's server (default postgresql://postgres@127.0.0.1:5432) and a
// database of its own, `tollgate_bench_keys`, seeded once and reused (--fresh reseeds).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createApiKey, createDb, readConfigChanges, revokeApiKey, streamGatewayKeys, type Db } from '@tollgate/db';
import { applyMigrations, dropDatabase, ensureDatabase } from '@tollgate/db/migrate';
import { applyKeyChanges } from '../apps/gateway/src/config/apply-key-changes';
import { compileSnapshot } from '../apps/gateway/src/config/compile-snapshot';
import type { CompiledKey } from '../apps/gateway/src/config/compiled-snapshot.types';
import { compileApps, compileKey } from '../apps/gateway/src/config/index-snapshot';
import { loadDatabaseConfig } from '../apps/gateway/src/config/load-database-config';
import { readSnapshotFile, writeSnapshotFile } from '../apps/gateway/src/config/snapshot-file';
import { testServices } from '../apps/gateway/src/testing/snapshot-fixture';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const args = process.argv.slice(2);
const keyCount = Number(args[args.indexOf('--keys') + 1] ?? 0) || 1_000_000;
const fresh = args.includes('--fresh');
const server = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
server.pathname = '/tollgate_bench_keys';
const url = server.toString();

function heapUsed(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

const ms = (start: number) => performance.now() - start;
/** CPU milliseconds this process spent since `start` (steadier than wall time on a shared machine). */
const cpuMs = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function seed(db: Db): Promise<void> {
  const [{ count } = { count: 0n }] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM api_keys WHERE "revokedAt" IS NULL`;
  if (Number(count) >= keyCount) return;
  console.log(`seeding ${fmt(keyCount)} keys (once; reused by later runs) ...`);
  const started = performance.now();
  await db.$executeRaw`INSERT INTO teams (id, slug, name, "updatedAt") VALUES (gen_random_uuid(), 'bench', 'Bench', now()) ON CONFLICT DO NOTHING`;
  await db.$executeRaw`INSERT INTO apps (id, slug, name, "teamId", "updatedAt") SELECT gen_random_uuid(), 'bench-app-' || g, 'Bench ' || g, t.id, now() FROM teams t, generate_series(1, 100) g WHERE t.slug = 'bench' ON CONFLICT DO NOTHING`;
  // Keys spread over 100 apps; one in ten scoped, one in five expiring.
  await db.$executeRawUnsafe(`
    INSERT INTO api_keys (id, "appId", name, environment, prefix, hash, scopes, "expiresAt")
    SELECT gen_random_uuid(), a.id, '', 'live', 'tg_live_' || substr(md5(g::text), 1, 6),
           encode(sha256(('bench-key-' || g)::bytea), 'hex'),
           CASE WHEN g % 10 = 0 THEN ARRAY['weather'] ELSE ARRAY[]::text[] END,
           CASE WHEN g % 5 = 0 THEN now() + interval '1 year' END
      FROM generate_series(${Number(count) + 1}, ${keyCount}) g
      JOIN (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS n FROM apps WHERE slug LIKE 'bench-app-%') a ON a.n = g % 100`);
  await db.$executeRaw`ANALYZE api_keys`;
  console.log(`seeded in ${fmt(ms(started) / 1000, 1)} s`);
}

async function main(): Promise<void> {
  if (fresh) await dropDatabase(url).catch(() => {});
  await ensureDatabase(url);
  await applyMigrations(url);
  const db = createDb(url, { max: 2 });
  await seed(db);
  const services = testServices();

  const rows: string[][] = [];
  const row = (...cells: string[]) => rows.push(cells);

  // 1. Full load as the gateway does it: Prisma for the config, a cursor for the keys.
  const baseline = heapUsed();
  const cpu = process.cpuUsage();
  let started = performance.now();
  const loaded = await loadDatabaseConfig(db, url);
  const loadMs = ms(started);
  started = performance.now();
  let current = compileSnapshot(loaded.snapshot, 'database', services, undefined, loaded.keys);
  const compileMs = ms(started);
  const loadCpuMs = cpuMs(cpu);
  const keys = current.index.keys.size;
  const perKey = (heapUsed() - baseline) / keys;
  row('full load (cursor -> 16-byte prefix map)', `${fmt(loadMs + compileMs)} ms (${fmt(loadCpuMs)} ms CPU)`, `${fmt(perKey)} B/key`, `${fmt(keys)} keys`);

  // 2. The same keys in a Map keyed by the 64-character hex hash, for comparison.
  const apps = compileApps(loaded.snapshot.apps);
  const before = heapUsed();
  const hexMap = new Map<string, CompiledKey>();
  started = performance.now();
  await streamGatewayKeys(url, (id, appId, hash, environment, scopes, expiresAtMs, revoked) => {
    const app = apps.get(appId);
    if (app) hexMap.set(hash, compileKey(id, app, environment, scopes, expiresAtMs, revoked));
  });
  const hexMs = ms(started);
  row('alternative: Map keyed by hex hash', `${fmt(hexMs)} ms`, `${fmt((heapUsed() - before) / hexMap.size)} B/key`, `${fmt(hexMap.size)} keys`);
  hexMap.clear();

  // 3. One key change, applied incrementally (read changes + patch + swap).
  const app = (await db.app.findFirstOrThrow({ where: { slug: 'bench-app-1' } })).slug;
  const created = await createApiKey(db, { appSlug: app });
  await revokeApiKey(db, created.id);
  started = performance.now();
  const changes = await readConfigChanges(db, current.revision);
  const patched = applyKeyChanges(current, changes);
  const incrementalMs = ms(started);
  if (patched === null) throw new Error('the key changes were not applied incrementally');
  current = patched;
  row('incremental: 1 key created + revoked', `${fmt(incrementalMs, 1)} ms`, '', `revision ${current.revision}`);

  // 4. Disk snapshot: write and read back.
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-bench-'));
  const path = join(dir, 'snapshot.bin');
  started = performance.now();
  let ioCpu = process.cpuUsage();
  await writeSnapshotFile(path, { ...loaded.snapshot, revision: current.revision }, current.index.keys);
  const writeMs = ms(started);
  const writeCpuMs = cpuMs(ioCpu);
  const size = statSync(path).size;
  started = performance.now();
  ioCpu = process.cpuUsage();
  const read = await readSnapshotFile(path);
  const readMs = ms(started);
  const readCpuMs = cpuMs(ioCpu);
  if (!read.ok || read.keys?.keys.size !== current.index.keys.size) throw new Error('the disk snapshot did not read back whole');
  row('disk snapshot write', `${fmt(writeMs)} ms (${fmt(writeCpuMs)} ms CPU)`, `${fmt(size / keys)} B/key on disk`, `${fmt(size / 1e6, 1)} MB`);
  row('disk snapshot read', `${fmt(readMs)} ms (${fmt(readCpuMs)} ms CPU)`, '', '');
  rmSync(dir, { recursive: true, force: true });

  console.log(`\nkeys-load: ${fmt(keys)} keys, node ${process.version}, load average ${loadavg().map((value) => value.toFixed(1)).join(' ')} on ${availableParallelism()} cores\n`);
  console.log('| step | time | memory | notes |\n| --- | --- | --- | --- |');
  for (const cells of rows) console.log(`| ${cells.join(' | ')} |`);
  console.log(`\nsummary: ${fmt(keys)} keys loaded in ${fmt((loadMs + compileMs) / 1000, 2)} s wall, ${fmt(loadCpuMs / 1000, 2)} s CPU (target < 5 s), ${fmt(perKey)} B/key (target < 250), key change applied in ${fmt(incrementalMs, 1)} ms (target < 1 s)`);
  await db.$disconnect();
  await services.pools.close(0);
}

await main();
