export * from './api-key';
export * from './password';
export * from './path-template';
export * from './billing';
