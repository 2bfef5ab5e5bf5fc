// Tollgate's gateway with the full policy chain: a fresh database with one API, one route
// and one plan (rate limit and quota high enough that nothing is refused, so every
// request runs the whole chain), a subscribed app and its key; the gateway runs as its
// own process with Redis (shared limits), the usage spool and batched PostgreSQL writes,
// and Prometheus metrics.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, createApiKey, createDb } from '@tollgate/db';
import { applyMigrations, dropDatabase, ensureDatabase } from '@tollgate/db/migrate';
import { startChild, TSX, type Child } from './child';
import { freePort } from './nginx';

export const BENCH_PATH = '/bench/items/42';

export interface TollgateSetup {
  databaseUrl: string;
  key: string;
  dispose(): Promise<void>;
}

export async function prepareTollgate(upstreamUrl: string): Promise<TollgateSetup> {
  const server = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  server.pathname = '/tollgate_bench_gateway';
  const databaseUrl = server.toString();
  await dropDatabase(databaseUrl).catch(() => {});
  await ensureDatabase(databaseUrl);
  await applyMigrations(databaseUrl);
  const db = createDb(databaseUrl, { max: 2 });
  const config = ZConfigFile.parse({
    apis: [
      {
        slug: 'bench',
        name: 'Bench',
        basePath: '/bench',
        status: 'published',
        upstream: { targets: [{ url: upstreamUrl }] },
        routes: [{ path: '/items/{id}', methods: ['GET'], auth: 'key', stripBasePath: false }],
      },
    ],
    plans: [
      {
        slug: 'bench',
        name: 'Bench',
        apis: ['bench'],
        rateLimit: { requests: 1_000_000_000, per: 'minute' },
        quota: { requests: 1_000_000_000, per: 'month' },
      },
    ],
    teams: [{ slug: 'bench', name: 'Bench', apps: [{ slug: 'bench-app', name: 'Bench App', subscriptions: [{ api: 'bench', plan: 'bench' }] }] }],
  });
  await applyConfig(db, config, { baseDir: process.cwd() });
  const { key } = await createApiKey(db, { appSlug: 'bench-app' });
  await db.$disconnect();
  return { databaseUrl, key, dispose: () => dropDatabase(databaseUrl).catch(() => {}) };
}

export interface RunningTollgate {
  child: Child;
  port: number;
  adminUrl: string;
}

/** `cwd`: the checkout whose apps/gateway runs (another revision, side by side with this one); this one by default. */
export async function startTollgate(setup: TollgateSetup, cpu: string | undefined, extraEnv: NodeJS.ProcessEnv = {}, nodeArgs: string[] = [], cwd?: string): Promise<RunningTollgate> {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-bench-gateway-'));
  const port = await freePort();
  const adminUrl = `http://127.0.0.1:${await freePort()}`;
  const child = await startChild({
    name: 'tollgate',
    command: process.execPath,
    args: [...nodeArgs, ...TSX, 'apps/gateway/src/main.ts'],
    cwd,
    cpu,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: setup.databaseUrl,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      GATEWAY_REDIS_PREFIX: `bench:${randomBytes(4).toString('hex')}:`,
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: String(port),
      GATEWAY_ADMIN_PORT: new URL(adminUrl).port,
      GATEWAY_INSTANCE_ID: `bench-${randomBytes(3).toString('hex')}`,
      GATEWAY_SNAPSHOT_PATH: join(dir, 'snapshot.json'),
      GATEWAY_SPOOL_DIR: join(dir, 'spool'),
      LOG_LEVEL: 'info',
      GATEWAY_SHUTDOWN_TIMEOUT_MS: '2000',
      ...extraEnv,
    },
    ready: async () => (await fetch(`${adminUrl}/readyz`)).ok,
    timeoutMs: 60_000,
  });
  const stop = child.stop;
  const owned: Child = { ...child, stop: () => stop().then(() => rmSync(dir, { recursive: true, force: true })) };
  return { child: owned, port, adminUrl };
}

/** Sum of every sample of a Prometheus counter (all label sets). */
export async function scrapeCounter(adminUrl: string, name: string): Promise<number> {
  const text = await (await fetch(`${adminUrl}/metrics`)).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}
