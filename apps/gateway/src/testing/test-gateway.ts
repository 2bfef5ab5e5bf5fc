// Starts a gateway in-process for integration tests: ports 0, a snapshot file of its
// own, quiet logs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZConfigFile, type TConfigFile } from '@tollgate/contracts';
import { applyConfig, createApiKey, type Db } from '@tollgate/db';
import type { GatewayEnv } from '../env';
import { startGateway, type RunningGateway, type StartGatewayOptions } from '../start-gateway';

export function tempSnapshotPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'tollgate-gateway-')), 'snapshot.json');
}

/** A spool directory of its own for one test gateway. */
export function tempSpoolDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'tollgate-spool-')), 'spool');
}

export function startTestGateway(databaseUrl: string, env: Partial<GatewayEnv> = {}, options: StartGatewayOptions = {}): Promise<RunningGateway> {
  return startGateway(
    {
      DATABASE_URL: databaseUrl,
      GATEWAY_PORT: 0,
      GATEWAY_ADMIN_PORT: 0,
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_SNAPSHOT_PATH: tempSnapshotPath(),
      GATEWAY_SPOOL_DIR: tempSpoolDir(),
      LOG_LEVEL: 'silent',
      GATEWAY_HEARTBEAT_MS: 1_000,
      // Tests poll with refused credentials from one address; the throttle has tests of its own.
      GATEWAY_AUTH_FAILURE_LIMIT: 1_000,
      ...env,
    },
    options,
  );
}

/**
 * Two APIs on one upstream. `weather` has key routes, an open route, a query-key route,
 * a rewrite and a route that keeps the base path; `acme-app` subscribes to `weather`
 * only, so `/other` answers 403 for its keys.
 */
export function testConfig(upstreamUrl: string): TConfigFile {
  return ZConfigFile.parse({
    apis: [
      {
        slug: 'weather',
        name: 'Weather',
        basePath: '/weather',
        status: 'published',
        upstream: { targets: [{ url: upstreamUrl }] },
        routes: [
          { path: '/forecast/{city}', methods: ['GET'] },
          { path: '/reports', methods: ['POST', 'PUT'] },
          { path: '/public/status', methods: ['GET'], auth: 'none' },
          { path: '/query/{id}', methods: ['GET'], allowQueryKey: true },
          { path: '/raw/*', methods: ['GET'], stripBasePath: false },
          { path: '/v2/forecast/{city}', methods: ['GET'], rewrite: '/api/forecast/{city}' },
        ],
      },
      {
        slug: 'prefixed',
        name: 'Prefixed',
        basePath: '/pre',
        status: 'published',
        upstream: { targets: [{ url: `${upstreamUrl}/base` }] },
        routes: [{ path: '/*', methods: ['GET'], auth: 'none' }],
      },
      {
        slug: 'other',
        name: 'Other',
        basePath: '/other',
        status: 'published',
        upstream: { targets: [{ url: upstreamUrl }] },
        routes: [{ path: '/thing', methods: ['GET'] }],
      },
    ],
    plans: [{ slug: 'free', name: 'Free', apis: ['weather', 'other'] }],
    teams: [
      {
        slug: 'acme',
        name: 'Acme',
        apps: [{ slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'weather', plan: 'free' }] }],
      },
    ],
  });
}

export async function applyTestConfig(db: Db, upstreamUrl: string): Promise<{ key: string; keyId: string }> {
  await applyConfig(db, testConfig(upstreamUrl), { baseDir: process.cwd() });
  const created = await createApiKey(db, { appSlug: 'acme-app' });
  return { key: created.key, keyId: created.id };
}

/** Polls until `check` passes or the time is up; returns the milliseconds it took. */
export async function eventually(check: () => Promise<void>, withinMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      await check();
      return Date.now() - started;
    } catch (error) {
      if (Date.now() - started > withinMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
