export { applyMigrations, diffSchemaAgainstMigrations } from './apply-migrations';
export { createDatabaseFromTemplate, dropDatabase, ensureDatabase } from './ensure-database';
export { MIGRATIONS_DIR, SCHEMA_PATH } from './migrations-dir';
