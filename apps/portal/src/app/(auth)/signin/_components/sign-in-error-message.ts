import { EMAIL_NOT_VERIFIED, EXTERNAL_ACCOUNT_EXISTS, EXTERNAL_ADMIN_REFUSED, SIGN_IN_LINK_ERRORS } from '@/lib/auth/auth-error-codes';
import { tooManyAttemptsMinutes } from '@/lib/auth/too-many-attempts';

/** What to tell a person for a next-auth error code. */
export function signInErrorMessage(code: string): string {
  if (code === 'CredentialsSignin') return 'Wrong email or password.';
  if (code === 'SessionRequired') return 'Please sign in to continue.';
  if (code === EMAIL_NOT_VERIFIED) return 'Confirm your email address first: follow the link we mailed you when you signed up.';
  if (code === SIGN_IN_LINK_ERRORS.used) return 'This sign-in link was already used. Each link works once; ask for a new one.';
  if (code === SIGN_IN_LINK_ERRORS.expired) return 'This sign-in link has expired. Ask for a new one.';
  if (code === SIGN_IN_LINK_ERRORS.unknown) return 'This sign-in link is not valid.';
  if (code === EXTERNAL_ACCOUNT_EXISTS) return 'An account with this email address already exists. Sign in with its password (or reset it) instead.';
  if (code === EXTERNAL_ADMIN_REFUSED) return 'Admin accounts sign in with their email and password.';
  if (code === 'AccessDenied') return 'Your identity provider did not share a verified email address.';
  const minutes = tooManyAttemptsMinutes(code);
  if (minutes !== null) return `Too many attempts; try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
  return 'Sign-in failed. Please try again.';
}
