import { ensureDatabase } from './ensure-database';
import { readLastMigrationSchema, readMigrations, readSchema } from './migrations-dir';
import { openSchemaEngine } from './schema-engine';

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** Applies every pending migration in prisma/migrations; a no-op when none is pending. */
export async function applyMigrations(databaseUrl: string): Promise<{ applied: string[] }> {
  await ensureDatabase(databaseUrl);
  const { engine, close } = await openSchemaEngine(databaseUrl, await readSchema());
  try {
    const result = await engine.applyMigrations({
      migrationsList: await readMigrations(),
      filters: NO_FILTERS,
    });
    return { applied: result.appliedMigrationNames };
  } finally {
    await close();
  }
}

/**
 * SQL that takes the last migration's schema to prisma/schema.prisma. Each migration
 * folder keeps a copy of the schema it was generated from (schema.prisma), so the diff is
 * between two datamodels and needs no shadow database.
 */
export async function diffSchemaAgainstMigrations(databaseUrl: string): Promise<string> {
  const schema = await readSchema();
  const previous = await readLastMigrationSchema();
  const { engine, close } = await openSchemaEngine(databaseUrl, schema);
  try {
    const result = await engine.diff({
      from: previous ? { tag: 'schemaDatamodel', files: [previous] } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? '';
  } finally {
    await close();
  }
}
