import { tooManyAttemptsMinutes } from '@/lib/auth/too-many-attempts';

/** What to tell a person for a next-auth error code. */
export function signInErrorMessage(code: string): string {
  if (code === 'CredentialsSignin') return 'Wrong email or password.';
  if (code === 'SessionRequired') return 'Please sign in to continue.';
  const minutes = tooManyAttemptsMinutes(code);
  if (minutes !== null) return `Too many attempts; try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
  return 'Sign-in failed. Please try again.';
}
