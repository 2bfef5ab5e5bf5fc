// Runs once per `vitest run`: finds Postgres and Redis, migrates a template database that
// each test file copies (packages/db/src/testing), and cleans up after.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { dropDatabase } from '@tollgate/db/migrate';
import { findOrStartPostgres, findOrStartRedis } from './services';

import '@tollgate/db/testing/provided-context';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await findOrStartPostgres();
  const redis = await findOrStartRedis();
  const templateDatabase = `tollgate_tpl_${process.pid}_${Date.now()}`;
  const templateUrl = new URL(postgres.url);
  templateUrl.pathname = `/${templateDatabase}`;
  const migrate = spawnSync(process.execPath, ['--import', 'tsx', 'packages/db/src/migrate/cli.ts', 'apply'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: templateUrl.toString() },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`migrating the test template failed: ${migrate.stderr || migrate.stdout}`);

  project.provide('postgresUrl', postgres.url);
  project.provide('templateDatabase', templateDatabase);
  project.provide('redisUrl', redis?.url ?? '');

  return async () => {
    await dropDatabase(templateUrl.toString()).catch(() => {});
    await redis?.stop();
    await postgres.stop();
  };
}
