export { DEFAULT_ONE_TIME_TOKEN_GRACE_MS, deleteExpiredOneTimeTokens } from './delete-expired-one-time-tokens';
