// Test helpers: every test file gets a database of its own, copied from the migrated
// template that test/setup/global-setup.ts prepared, and dropped after the file.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import './provided-context';
import { createDb, type Db } from '../client/create-db';
import { createDatabaseFromTemplate, dropDatabase } from '../migrate/ensure-database';

export interface TestDatabase {
  /** Connection string of this file's own database. */
  readonly url: string;
  readonly db: Db;
}

export async function createTestDatabase(): Promise<TestDatabase & { drop(): Promise<void> }> {
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/tollgate_test_${randomBytes(6).toString('hex')}`;
  await createDatabaseFromTemplate(url.toString(), inject('templateDatabase'));
  const db = createDb(url.toString(), { max: 4 });
  return {
    url: url.toString(),
    db,
    drop: async () => {
      await db.$disconnect();
      await dropDatabase(url.toString());
    },
  };
}

/** Registers beforeAll/afterAll; read `.url` and `.db` inside tests. */
export function useTestDatabase(): TestDatabase {
  let current: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    current = await createTestDatabase();
  });
  afterAll(async () => {
    await current?.drop();
  });
  return {
    get url() {
      if (!current) throw new Error('useTestDatabase: only available inside tests');
      return current.url;
    },
    get db() {
      if (!current) throw new Error('useTestDatabase: only available inside tests');
      return current.db;
    },
  };
}

export function testRedisUrl(): string {
  const url = inject('redisUrl');
  if (!url) throw new Error('no Redis for tests: set REDIS_URL or install redis-server');
  return url;
}
