export * from './page.schema';
export * from './admin-token.schema';
export * from './api.schema';
export * from './route.schema';
export * from './plan.schema';
export * from './audit-log.schema';
export * from './gateway.schema';
export * from './admin-user.schema';
