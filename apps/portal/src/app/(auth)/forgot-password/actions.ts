'use server';

import { ZEmailOnlyRequest } from '@tollgate/contracts';
import { requestPasswordReset } from '@tollgate/operations';
import { clientAddress } from '@/lib/auth/client-address';
import { throttleAccountRequest } from '@/lib/auth/account-request-throttle';
import { publicOrigin } from '@/lib/public-origin';
import { actionClient } from '@/lib/safe-action';
import { accountLink, passwordResetMail } from '@/server/accounts/account-mail';
import { runAsPublic } from '@/server/accounts/public-account-run';
import { sendAccountMail } from '@/server/accounts/send-account-mail';

/** Mails a reset link when the address has an account; the answer is the same when it has none. */
export const requestPasswordResetAction = actionClient.inputSchema(ZEmailOnlyRequest).action(async ({ parsedInput }) => {
  await throttleAccountRequest('mail_link', parsedInput.email, await clientAddress());
  const { link } = await runAsPublic(requestPasswordReset, parsedInput);
  if (link) await sendAccountMail(passwordResetMail(parsedInput.email, accountLink(await publicOrigin(), '/reset-password', link.token)));
  return { email: parsedInput.email };
});
