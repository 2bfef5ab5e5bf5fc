// `npm start`: the whole platform on one machine. Database (DATABASE_URL or an embedded
// PostgreSQL under .data/), migrations, the demo seed on first start, then the demo
// upstream, the gateway and the portal; prints where everything is. Ctrl-C stops it all.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createDb } from '@tollgate/db';
import { applyMigrations } from '@tollgate/db/migrate';
import { banner } from './banner';
import { Children } from './children';
import { startDatabase, type StartedDatabase } from './database';
import { ROOT, readStartEnv, type StartEnv } from './env';
import { assertPortFree } from './ports';
import { seedOnce } from './seed-once';
import { waitReady } from './wait-ready';

function fail(message: string): never {
  console.error(`tollgate: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const started = Date.now();
  let env: StartEnv;
  try {
    env = readStartEnv();
  } catch (error) {
    fail((error as Error).message);
  }
  for (const [variable, port] of [
    ['GATEWAY_PORT', env.GATEWAY_PORT],
    ['GATEWAY_ADMIN_PORT', env.GATEWAY_ADMIN_PORT],
    ['PORTAL_PORT', env.PORTAL_PORT],
    ['DEMO_UPSTREAM_PORT', env.DEMO_UPSTREAM_PORT],
  ] as const) {
    await assertPortFree(port, variable).catch((error: Error) => fail(error.message));
  }
  await mkdir(path.join(env.TOLLGATE_DATA_DIR, 'logs'), { recursive: true });

  console.log(env.DATABASE_URL ? 'tollgate: checking DATABASE_URL…' : 'tollgate: starting embedded PostgreSQL…');
  const database: StartedDatabase = await startDatabase(env).catch((error: Error) => fail(error.message));
  let children: Children | undefined;
  let shuttingDown = false;
  const shutdown = async (code: number): Promise<never> => {
    if (!shuttingDown) {
      shuttingDown = true;
      console.log('\ntollgate: stopping…');
      await children?.stopAll();
      await database.stop().catch(() => {});
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    console.log('tollgate: applying migrations…');
    await applyMigrations(database.url);
    const demoUpstreamUrl = `http://127.0.0.1:${env.DEMO_UPSTREAM_PORT}`;
    const db = createDb(database.url, { max: 2 });
    const seeded = await seedOnce(db, { demoUpstreamUrl, keyFile: path.join(env.TOLLGATE_DATA_DIR, 'demo-key') });
    await db.$disconnect();

    const shared = { DATABASE_URL: database.url, ...(env.REDIS_URL ? { REDIS_URL: env.REDIS_URL } : {}) };
    const portalUrl = process.env.NEXTAUTH_URL ?? `http://${env.PUBLIC_HOST}:${env.PORTAL_PORT}`;
    children = new Children(ROOT, path.join(env.TOLLGATE_DATA_DIR, 'logs'), (name, code) => {
      console.error(`tollgate: ${name} exited unexpectedly (code ${code}); see ${env.TOLLGATE_DATA_DIR}/logs/${name}.log`);
      void shutdown(1);
    });
    children.start({ name: 'demo-upstream', script: 'apps/demo-upstream/src/main.ts', env: { DEMO_UPSTREAM_PORT: String(env.DEMO_UPSTREAM_PORT) } });
    children.start({
      name: 'gateway',
      script: 'apps/gateway/src/main.ts',
      env: {
        ...shared,
        GATEWAY_PORT: String(env.GATEWAY_PORT),
        GATEWAY_ADMIN_PORT: String(env.GATEWAY_ADMIN_PORT),
        GATEWAY_SNAPSHOT_PATH: path.join(env.TOLLGATE_DATA_DIR, 'gateway-snapshot.bin'),
        // The portal's try-it calls the gateway from the browser.
        GATEWAY_PORTAL_ORIGINS: process.env.GATEWAY_PORTAL_ORIGINS ?? new URL(portalUrl).origin,
      },
    });
    children.start({ name: 'worker', script: 'apps/worker/src/main.ts', env: shared });
    const portalBuilt = existsSync(path.join(ROOT, 'apps/portal/.next/BUILD_ID'));
    console.log(portalBuilt ? 'tollgate: starting the services…' : 'tollgate: building the portal (first start only, a minute or two)…');
    children.start({
      name: 'portal',
      script: 'apps/portal/scripts/start.ts',
      env: {
        ...shared,
        PORTAL_PORT: String(env.PORTAL_PORT),
        NEXTAUTH_URL: portalUrl,
        GATEWAY_PUBLIC_URL: `http://${env.PUBLIC_HOST}:${env.GATEWAY_PORT}`,
      },
    });
    const stopped = () => shuttingDown;
    await Promise.all([
      waitReady('demo upstream', `http://127.0.0.1:${env.DEMO_UPSTREAM_PORT}/healthz`, 30_000, stopped),
      waitReady('gateway', `http://127.0.0.1:${env.GATEWAY_ADMIN_PORT}/readyz`, 60_000, stopped),
      waitReady('portal', `http://127.0.0.1:${env.PORTAL_PORT}/api/healthz`, 600_000, stopped),
    ]);
    console.log(
      banner({
        env,
        databaseUrl: database.url,
        embedded: database.embedded,
        redis: Boolean(env.REDIS_URL),
        key: seeded.key,
        logins: [
          { role: 'admin', ...seeded.admin },
          { role: 'developer', ...seeded.developer },
        ],
      }),
    );
    console.log(`tollgate: ready in ${Math.round((Date.now() - started) / 1000)} s`);
  } catch (error) {
    if (!shuttingDown) {
      console.error(`tollgate: ${(error as Error).message.split('\n')[0]}`);
      await shutdown(1);
    }
  }
}

await main();
