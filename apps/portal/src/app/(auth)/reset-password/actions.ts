'use server';

import { ZResetPasswordRequest } from '@tollgate/contracts';
import { resetPassword } from '@tollgate/operations';
import { actionClient } from '@/lib/safe-action';
import { runAsPublic } from '@/server/accounts/public-account-run';

export const resetPasswordAction = actionClient.inputSchema(ZResetPasswordRequest).action(async ({ parsedInput }) => runAsPublic(resetPassword, parsedInput));
