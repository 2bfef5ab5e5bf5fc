export * from './config/config-file.schema';
export { formatIssuePath, toInvalidParams } from './invalid-params';
