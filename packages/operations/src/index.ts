export { defineOperation, type Operation, type OperationContext, type OperationMeta, type AuditRecord, type Tx } from './core/define-operation';
export { runOperation } from './core/run-operation';
export { hasRole, CLI_PRINCIPAL, BOOTSTRAP_PRINCIPAL, type Principal, type AdminRole } from './core/principal';
export { etagOf } from './core/etag';
export { redact, diff, REDACTED } from './core/redact';
export { encodeCursor, decodeCursor, pageOf } from './core/paginate';
export * from './admin-tokens';
export * from './apis';
export * from './audit-log';
export * from './gateways';
export * from './routes';
export * from './plans';
export * from './console';
export * from './admin-users';
export * from './jwt-issuers'
export * from './webhooks'
