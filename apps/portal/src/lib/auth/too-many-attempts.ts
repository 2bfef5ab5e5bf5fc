// The error code next-auth carries from authorize() to the sign-in form, with the wait in it.
const PREFIX = 'TooManyAttempts-';

export function tooManyAttemptsCode(waitMs: number): string {
  return `${PREFIX}${Math.max(1, Math.ceil(waitMs / 60_000))}`;
}

/** Minutes to wait when `code` says the attempt was throttled, else null. */
export function tooManyAttemptsMinutes(code: string): number | null {
  if (!code.startsWith(PREFIX)) return null;
  const minutes = Number(code.slice(PREFIX.length));
  return Number.isInteger(minutes) && minutes > 0 ? minutes : 1;
}
