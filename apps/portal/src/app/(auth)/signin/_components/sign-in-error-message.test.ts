import { describe, expect, it } from 'vitest';
import { tooManyAttemptsCode } from '@/lib/auth/too-many-attempts';
import { signInErrorMessage } from './sign-in-error-message';

describe('signInErrorMessage', () => {
  it('tells how long to wait when sign-in is throttled', () => {
    expect(signInErrorMessage(tooManyAttemptsCode(14 * 60_000 + 1))).toBe('Too many attempts; try again in 15 minutes.');
    expect(signInErrorMessage(tooManyAttemptsCode(5_000))).toBe('Too many attempts; try again in 1 minute.');
  });
  it('keeps the other messages', () => {
    expect(signInErrorMessage('CredentialsSignin')).toBe('Wrong email or password.');
    expect(signInErrorMessage('Configuration')).toBe('Sign-in failed. Please try again.');
  });
  it('says why a self-signed-up person or a one-time link cannot sign in', () => {
    expect(signInErrorMessage('EmailNotVerified')).toContain('Confirm your email address');
    expect(signInErrorMessage('SignInLinkUsed')).toContain('already used');
    expect(signInErrorMessage('SignInLinkExpired')).toContain('expired');
  });
  it('says why GitHub or single sign-on did not open a session', () => {
    expect(signInErrorMessage('ExternalAccountExists')).toContain('already exists. Sign in with its password');
    expect(signInErrorMessage('ExternalAdminRefused')).toContain('Admin accounts sign in with their email and password');
    expect(signInErrorMessage('AccessDenied')).toContain('did not share a verified email address');
  });
});
