export { createDb, type Db } from './client/create-db';
export { describeConnectionError, redactUrl } from './connection-error';
export * from './generated/prisma/client';
