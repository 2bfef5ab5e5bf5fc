export * from './billing-period';
export * from './clock';
export * from './cloud-event';
export * from './compute-statement';
export * from './webhook-backoff';
export * from './webhook-signature';
export * from './standard-webhook-signature';
