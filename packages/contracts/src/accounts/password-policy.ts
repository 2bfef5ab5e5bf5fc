import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 12;

/**
 * Passwords that lead every leaked-password list (and their obvious padding to 12 characters);
 * a guesser tries these first, so an account with one of them is as good as open.
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456789012', '1234567890123', '12345678901234', 'qwertyuiop12', 'qwertyuiopas', 'qwerty123456',
  'password1234', 'password12345', 'password123!', 'passwordpassword', 'password1!password', 'p@ssw0rd1234',
  'iloveyou1234', 'letmein12345', 'welcome12345', 'welcome123!!', 'admin1234567', 'administrator',
  'changeme1234', 'trustno11234', 'football1234', 'baseball1234', 'superman1234', 'monkey123456',
  'dragon123456', 'sunshine1234', 'princess1234', 'abc123456789', 'abcdefghijkl', 'aaaaaaaaaaaa',
  '111111111111', '000000000000', '1q2w3e4r5t6y', 'zaq12wsxcde3', '1qaz2wsx3edc', 'qazwsxedcrfv',
  'correcthorsebatterystaple', 'masterpassword', 'tollgate1234', 'tollgatetollgate',
]);

/** Whether `password` is one of the passwords guessers try first (compared case-insensitively). */
export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

/** A new password: long enough and not a well-known one. "Not the email" needs the email, see ZSignUpRequest. */
export const ZNewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, 'must be at most 200 characters')
  .refine((value) => !isCommonPassword(value), 'is one of the most common passwords; choose another');

/** Whether the password merely repeats the address (or its part before the @). */
export function passwordRepeatsEmail(password: string, email: string): boolean {
  const lowered = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  return lowered === address || lowered === address.split('@')[0];
}

export const PASSWORD_IS_EMAIL = 'must not be your email address';
