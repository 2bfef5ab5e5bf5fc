import { TollgateError } from '@tollgate/errors';

/** Whether the mail server refused the recipient for good: a 5xx answer to RCPT TO (nodemailer's EENVELOPE). */
export function recipientRefused(error: unknown): boolean {
  const failure = error as { code?: unknown; responseCode?: unknown } | null;
  return failure?.code === 'EENVELOPE' && typeof failure.responseCode === 'number' && failure.responseCode >= 500 && failure.responseCode < 600;
}

/**
 * What the sign-up form says when the verification mail could not be sent (the account was
 * withdrawn, so nothing of it is left): a refused address on the email field, anything else
 * (a busy or unreachable mail server) as a failure to try again.
 */
export function signUpMailError(error: unknown): TollgateError {
  if (recipientRefused(error)) {
    return new TollgateError('invalid_params', {
      detail: 'The mail server refused this address.',
      invalidParams: [{ name: 'email', reason: 'our mail server refused to deliver to this address; check it or use another' }],
    });
  }
  return new TollgateError('upstream_failed', { detail: 'We could not send the confirmation mail just now, so no account was made. Please try again in a few minutes.' });
}
