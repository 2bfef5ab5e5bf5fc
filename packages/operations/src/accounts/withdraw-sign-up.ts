import { TollgateError } from '@tollgate/errors';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findLinkToken, linkState } from './link-token';

const ZInput = z.strictObject({
  /** The verification secret the sign-up just issued: only whoever holds it can undo that sign-up. */
  token: z.string().min(1).max(200),
});

/**
 * Undoes a sign-up whose verification mail could not be sent, so a refused address leaves no
 * account behind and the person can sign up again: the account (still unverified, its link
 * unused), the teams it is the only member of, and its links. Anything else is invalid_token.
 */
export const withdrawSignUp = defineOperation({
  name: 'accounts.withdraw_sign_up',
  role: 'developer',
  input: ZInput,
  audit: { resourceType: 'user' },
  async run(tx, input, ctx): Promise<void> {
    const link = await findLinkToken(tx, 'verify_email', input.token);
    const user = link?.userId && linkState(link) === null ? await tx.user.findUnique({ where: { id: link.userId } }) : null;
    if (!user || user.emailVerifiedAt) throw new TollgateError('invalid_token', { detail: 'This sign-up can no longer be withdrawn.' });
    const ownTeams = await tx.team.findMany({ where: { AND: [{ members: { some: { userId: user.id } } }, { members: { every: { userId: user.id } } }] }, select: { id: true } });
    await tx.team.deleteMany({ where: { id: { in: ownTeams.map((team) => team.id) } } });
    await tx.oneTimeToken.deleteMany({ where: { userId: user.id } });
    await tx.user.delete({ where: { id: user.id } });
    ctx.audit({ resourceId: user.id, before: { email: user.email, name: user.name, teamIds: ownTeams.map((team) => team.id) } });
  },
});
