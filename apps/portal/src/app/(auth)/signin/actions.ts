'use server';

import { ZEmailOnlyRequest } from '@tollgate/contracts';
import { resendVerification } from '@tollgate/operations';
import { clientAddress } from '@/lib/auth/client-address';
import { throttleAccountRequest } from '@/lib/auth/account-request-throttle';
import { publicOrigin } from '@/lib/public-origin';
import { actionClient } from '@/lib/safe-action';
import { accountLink, verificationMail } from '@/server/accounts/account-mail';
import { runAsPublic } from '@/server/accounts/public-account-run';
import { sendAccountMail } from '@/server/accounts/send-account-mail';

/** "Send the link again": the same answer whether or not the address awaits verification. */
export const resendVerificationAction = actionClient.inputSchema(ZEmailOnlyRequest).action(async ({ parsedInput }) => {
  await throttleAccountRequest('mail_link', parsedInput.email, await clientAddress());
  const { link } = await runAsPublic(resendVerification, parsedInput);
  if (link) await sendAccountMail(verificationMail(parsedInput.email, accountLink(await publicOrigin(), '/verify-email', link.token)));
  return { email: parsedInput.email };
});
