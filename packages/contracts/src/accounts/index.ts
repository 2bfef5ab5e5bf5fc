export * from './password-policy';
export * from './accounts.schema';
