import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/tollgate';

/** Where `npm start` records the URL of the embedded PostgreSQL it runs. */
export const EMBEDDED_URL_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../.data/database-url');

/**
 * DATABASE_URL when set; else the embedded database `npm start` runs, when it has run;
 * else the local default.
 */
export function resolveDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  if (existsSync(EMBEDDED_URL_FILE)) return readFileSync(EMBEDDED_URL_FILE, 'utf8').trim();
  return DEFAULT_DATABASE_URL;
}
