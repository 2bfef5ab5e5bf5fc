export * from './clock';
export * from './quota-period';
export * from './rate-window';
export * from './zoned-time';
