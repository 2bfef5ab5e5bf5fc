// The Prisma client alone: what a bundled app (the portal) imports.
export { createDb, type Db } from './create-db';
export { DatabaseWatch, type DatabaseWatchOptions } from './database-watch';
export * from '../generated/prisma/client';
