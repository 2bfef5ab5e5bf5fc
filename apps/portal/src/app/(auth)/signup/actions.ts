'use server';

import { ZSignUpRequest } from '@tollgate/contracts';
import { signUp, withdrawSignUp } from '@tollgate/operations';
import { clientAddress } from '@/lib/auth/client-address';
import { throttleAccountRequest } from '@/lib/auth/account-request-throttle';
import { publicOrigin } from '@/lib/public-origin';
import { actionClient } from '@/lib/safe-action';
import { accountLink, verificationMail } from '@/server/accounts/account-mail';
import { runAsPublic } from '@/server/accounts/public-account-run';
import { signUpMailError } from '@/server/accounts/sign-up-mail-error';
import { sendMail } from '@/server/mail';

/**
 * Creates the account; answers whether a verification mail went out (not when an invite proved
 * the address). When the mail cannot be sent the account is withdrawn and the form says why, so
 * the person can correct the address or try again with nothing left half made.
 */
export const signUpAction = actionClient.inputSchema(ZSignUpRequest).action(async ({ parsedInput }) => {
  await throttleAccountRequest('sign_up', parsedInput.email, await clientAddress());
  const result = await runAsPublic(signUp, parsedInput);
  if (result.verification) {
    const link = accountLink(await publicOrigin(), '/verify-email', result.verification.token);
    try {
      await sendMail(verificationMail(parsedInput.email, link));
    } catch (error) {
      console.error(`portal: could not send the verification mail to ${parsedInput.email}; the sign-up is withdrawn`, error);
      await runAsPublic(withdrawSignUp, { token: result.verification.token });
      throw signUpMailError(error);
    }
  }
  return { email: parsedInput.email, verificationSent: Boolean(result.verification), teamName: result.team.name };
});
