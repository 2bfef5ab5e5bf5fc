export { createDb, type Db } from './client/create-db';
export { DEFAULT_DATABASE_URL, EMBEDDED_URL_FILE, resolveDatabaseUrl } from './client/resolve-database-url';
export { describeConnectionError, redactUrl } from './connection-error';
export * from './config';
export * from './keys';
export * from './generated/prisma/client';
export * from './gateway';
export * from './usage';
