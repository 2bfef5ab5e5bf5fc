import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationList } from '@prisma/schema-engine-wasm';

export const PRISMA_DIR = fileURLToPath(new URL('../../../../prisma/', import.meta.url));
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, 'migrations');
export const SCHEMA_PATH = path.join(PRISMA_DIR, 'schema.prisma');
const LOCKFILE = 'migration_lock.toml';

export async function readSchema(): Promise<{ path: string; content: string }> {
  return { path: SCHEMA_PATH, content: await readFile(SCHEMA_PATH, 'utf8') };
}

/** Reads prisma/migrations into the shape the schema engine takes. */
export async function readMigrations(baseDir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = existsSync(baseDir) ? await readdir(baseDir, { withFileTypes: true }) : [];
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    folders.map(async (folder) => {
      const file = path.join(baseDir, folder, 'migration.sql');
      const content = await readFile(file, 'utf8').then(
        (value) => ({ tag: 'ok' as const, value }),
        (error: Error) => ({ tag: 'error' as const, value: error.message }),
      );
      return { path: folder, migrationFile: { path: 'migration.sql', content } };
    }),
  );
  const lockPath = path.join(baseDir, LOCKFILE);
  const lockContent = existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null;
  return {
    baseDir,
    lockfile: { path: LOCKFILE, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/** The schema the newest migration was generated from, kept beside its migration.sql. */
export async function readLastMigrationSchema(): Promise<{ path: string; content: string } | undefined> {
  const { migrationDirectories } = await readMigrations();
  const last = migrationDirectories.at(-1);
  if (!last) return undefined;
  const snapshot = path.join(MIGRATIONS_DIR, last.path, 'schema.prisma');
  if (!existsSync(snapshot)) {
    throw new Error(`${path.relative(process.cwd(), snapshot)} is missing: every migration keeps the schema it was made from`);
  }
  return { path: snapshot, content: await readFile(snapshot, 'utf8') };
}
