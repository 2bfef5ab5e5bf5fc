import { describe, expect, it } from 'vitest';
import { recipientRefused, signUpMailError } from './sign-up-mail-error';

describe('signUpMailError', () => {
  it('puts a refused recipient on the email field', () => {
    const refused = Object.assign(new Error("Can't send mail - all recipients were rejected"), { code: 'EENVELOPE', responseCode: 550 });
    expect(recipientRefused(refused)).toBe(true);
    expect(signUpMailError(refused)).toMatchObject({ code: 'invalid_params', invalidParams: [{ name: 'email', reason: expect.stringContaining('refused') }] });
  });

  it('asks to try again when the server is busy or unreachable', () => {
    for (const failure of [Object.assign(new Error('busy'), { code: 'EENVELOPE', responseCode: 451 }), Object.assign(new Error('refused'), { code: 'ESOCKET' }), new Error('boom')]) {
      expect(recipientRefused(failure)).toBe(false);
      expect(signUpMailError(failure)).toMatchObject({ code: 'upstream_failed', detail: expect.stringContaining('try again') });
    }
  });
});
