import type { Db } from '@tollgate/db';
import type { AdminApiTarget } from './cli-env';
import { adminApiTarget } from './cli-env';
import { withDb } from './with-db';

/**
 * Runs a command through the door the environment names: the admin API when TOLLGATE_URL
 * is set (as the token's owner), else the database (as `cli`). Both sides call the same
 * operation, so validation, permissions and the audit entry are the same.
 */
export function throughDoor<T>(onDatabase: (db: Db) => Promise<T>, onAdminApi: (target: AdminApiTarget) => Promise<T>): Promise<T> {
  const target = adminApiTarget();
  return target !== null ? onAdminApi(target) : withDb(onDatabase);
}
