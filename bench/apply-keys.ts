// Declarative config at scale: a file with 100,000 consumer keys (1,000 apps of 100 keys,
// given as keyHash + prefix as `export` writes them) applied through the operations layer,
// as `tollgate apply` does, then applied again (nothing to change). The baseline, run
// side by side on the same server, is the floor: the same key rows inserted with one plain
// INSERT per app and no lookups, checks or audit. Target: the first apply under 60 s.
//
//   npx tsx bench/apply-keys.ts [--keys 100000] [--apps 1000]
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ZConfigFile } from '@tollgate/contracts';
import { createDb } from '@tollgate/db';
import { applyMigrations, dropDatabase, ensureDatabase } from '@tollgate/db/migrate';
import { CLI_PRINCIPAL, applyConfigFile } from '@tollgate/operations';
import { numberArg } from './lib/options';

const KEYS = Math.floor(numberArg('keys', 100_000));
const APPS = Math.floor(numberArg('apps', 1_000));
const TARGET_SECONDS = 60;
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function fakeKey(): { keyHash: string; prefix: string } {
  const bytes = randomBytes(6);
  const prefix = `tg_live_${[...bytes].map((byte) => BASE58[byte % 58]).join('')}`;
  return { keyHash: createHash('sha256').update(randomBytes(32)).digest('hex'), prefix };
}

function configFile() {
  const perApp = Math.ceil(KEYS / APPS);
  const teams = Array.from({ length: Math.ceil(APPS / 10) }, (_, team) => ({
    slug: `team-${team}`,
    name: `Team ${team}`,
    apps: Array.from({ length: 10 }, (_, index) => ({
      slug: `app-${team}-${index}`,
      name: `App ${team}-${index}`,
      subscriptions: [{ api: 'orders', plan: 'free' }],
      keys: Array.from({ length: perApp }, (_, key) => ({ ...fakeKey(), name: `key ${key}` })),
    })),
  }));
  return ZConfigFile.parse({
    apis: [{ slug: 'orders', name: 'Orders', basePath: '/orders', status: 'published', upstream: { targets: [{ url: 'http://127.0.0.1:4010' }] }, routes: [{ path: '/orders/{id}' }] }],
    plans: [{ slug: 'free', name: 'Free', apis: ['orders'] }],
    teams,
  });
}

async function freshDatabase(name: string): Promise<string> {
  const server = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  server.pathname = `/${name}`;
  const url = server.toString();
  await dropDatabase(url).catch(() => {});
  await ensureDatabase(url);
  await applyMigrations(url);
  return url;
}

const seconds = (start: number) => (performance.now() - start) / 1000;

const config = configFile();
const keyCount = config.teams.reduce((sum, team) => sum + team.apps.reduce((inner, app) => inner + app.keys.length, 0), 0);
console.log(`apply-keys: ${keyCount.toLocaleString('en-US')} keys in ${APPS} apps`);

// The floor: the same rows, one INSERT per app (apps first), no lookups, no change set, no audit.
const floorUrl = await freshDatabase('tollgate_bench_apply_floor');
const floorDb = createDb(floorUrl, { max: 2 });
let started = performance.now();
const floorTeam = await floorDb.team.create({ data: { slug: 'floor', name: 'Floor' } });
for (const team of config.teams) {
  for (const app of team.apps) {
    const created = await floorDb.app.create({ data: { slug: app.slug, name: app.name, teamId: floorTeam.id } });
    const ids = app.keys.map(() => randomUUID());
    await floorDb.$executeRaw`INSERT INTO "api_keys" ("id", "appId", "hash", "prefix", "name")
      SELECT k.id, ${created.id}::uuid, k.hash, k.prefix, k.name
      FROM unnest(${ids}::uuid[], ${app.keys.map((key) => key.keyHash!)}::text[], ${app.keys.map((key) => key.prefix!)}::text[], ${app.keys.map((key) => key.name)}::text[]) AS k(id, hash, prefix, name)`;
  }
}
const floor = seconds(started);
await floorDb.$disconnect();

const url = await freshDatabase('tollgate_bench_apply');
const db = createDb(url, { max: 2 });
started = performance.now();
const first = await applyConfigFile(db, CLI_PRINCIPAL, { config });
const applySeconds = seconds(started);
started = performance.now();
const second = await applyConfigFile(db, CLI_PRINCIPAL, { config });
const againSeconds = seconds(started);
const stored = await db.apiKey.count();
await db.$disconnect();
await dropDatabase(url).catch(() => {});
await dropDatabase(floorUrl).catch(() => {});

const row = (label: string, value: number) => console.log(`  ${label.padEnd(34)} ${value.toFixed(2).padStart(8)} s   ${(value / floor).toFixed(2)} x floor   ${((value * 1e6) / keyCount).toFixed(1)} µs/key`);
console.log(`  changes: first apply ${first.changes.length.toLocaleString('en-US')}, second ${second.changes.length}; keys stored ${stored.toLocaleString('en-US')}`);
row('floor (plain INSERTs)', floor);
row('tollgate apply (operations layer)', applySeconds);
row('apply again (no changes)', againSeconds);
const pass = applySeconds < TARGET_SECONDS && stored === keyCount && second.changes.length === 0;
console.log(`  target: first apply under ${TARGET_SECONDS} s -> ${pass ? 'PASS' : 'FAIL'}`);
if (!pass) process.exitCode = 1;
