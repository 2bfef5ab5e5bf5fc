/** What to tell a person for a next-auth error code. */
export function signInErrorMessage(code: string): string {
  if (code === 'CredentialsSignin') return 'Wrong email or password.';
  if (code === 'SessionRequired') return 'Please sign in to continue.';
  return 'Sign-in failed. Please try again.';
}
