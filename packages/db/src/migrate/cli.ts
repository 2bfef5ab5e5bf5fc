// `npm run db:migrate` and `npm run db:migration:new -- <name>`.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { applyMigrations, diffSchemaAgainstMigrations } from './apply-migrations';
import { MIGRATIONS_DIR, SCHEMA_PATH } from './migrations-dir';
import { describeConnectionError } from '../connection-error';
import { resolveDatabaseUrl } from '../client/resolve-database-url';


async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const databaseUrl = resolveDatabaseUrl();
  if (command === 'apply') {
    const { applied } = await applyMigrations(databaseUrl);
    console.log(applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'database is up to date');
    return;
  }
  if (command === 'new' && name && /^[a-z0-9_]+$/.test(name)) {
    const sql = await diffSchemaAgainstMigrations(databaseUrl);
    if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) {
      console.log('schema.prisma matches the migrations: nothing to write');
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const folder = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'migration.sql'), sql);
    await copyFile(SCHEMA_PATH, path.join(folder, 'schema.prisma'));
    console.log(`wrote ${path.relative(process.cwd(), folder)}/migration.sql`);
    return;
  }
  console.error('usage: migrate apply | migrate new <snake_case_name>');
  process.exitCode = 2;
}

main()
  .catch((error: unknown) => {
    console.error(`tollgate: migration failed: ${describeConnectionError(error, resolveDatabaseUrl())}`);
    process.exitCode = 1;
  })
  // The WebAssembly engine keeps timers alive for a while after its work is done.
  .finally(() => process.exit());
