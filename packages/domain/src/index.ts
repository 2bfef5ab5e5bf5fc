export * from './api-key';
export * from './password';
export * from './path-template';
export * from './usage/latency-buckets';
export * from './billing';
export * from './limits';
export * from './time/zoned-time';
export * from './discovery';
