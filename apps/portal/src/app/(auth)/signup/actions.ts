'use server';

import { ZSignUpRequest } from '@tollgate/contracts';
import { signUp } from '@tollgate/operations';
import { clientAddress } from '@/lib/auth/client-address';
import { throttleAccountRequest } from '@/lib/auth/account-request-throttle';
import { publicOrigin } from '@/lib/public-origin';
import { actionClient } from '@/lib/safe-action';
import { accountLink, verificationMail } from '@/server/accounts/account-mail';
import { runAsPublic } from '@/server/accounts/public-account-run';
import { sendAccountMail } from '@/server/accounts/send-account-mail';

/** Creates the account; answers whether a verification mail went out (not when an invite proved the address). */
export const signUpAction = actionClient.inputSchema(ZSignUpRequest).action(async ({ parsedInput }) => {
  await throttleAccountRequest('sign_up', parsedInput.email, await clientAddress());
  const result = await runAsPublic(signUp, parsedInput);
  if (result.verification) {
    const link = accountLink(await publicOrigin(), '/verify-email', result.verification.token);
    await sendAccountMail(verificationMail(parsedInput.email, link));
  }
  return { email: parsedInput.email, verificationSent: Boolean(result.verification), teamName: result.team.name };
});
