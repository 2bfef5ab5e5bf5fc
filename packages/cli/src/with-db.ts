import { createDb, resolveDatabaseUrl, type Db } from '@tollgate/db';

/** Runs a command with a database client and always closes it. */
export async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(resolveDatabaseUrl(), { max: 2 });
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}
