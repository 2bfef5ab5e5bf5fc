export * from './config/config-file.schema';
export * from './config/jwt.schema';
export * from './config/policies.schema';
export { formatIssuePath, toInvalidParams } from './invalid-params';
export * from './admin';
export * from './accounts';
export * from './portal/team-apps.schema';
export * from './portal/usage.schema';
export * from './discovery/discovery.schema';
