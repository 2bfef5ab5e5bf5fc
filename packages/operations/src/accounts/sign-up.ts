import { ZSignUpRequest } from '@tollgate/contracts';
import { hashPassword } from '@tollgate/domain';
import { TollgateError } from '@tollgate/errors';
import { defineOperation, type Tx } from '../core/define-operation';
import { createPersonalTeam } from './create-personal-team';
import { findAccountByEmail } from './find-account';
import { consumeLinkToken, findLinkToken, issueLinkToken, LINK_LIFETIME_MS, linkProblem, type IssuedLink } from './link-token';

export interface SignUpResult {
  userId: string;
  team: { id: string; name: string };
  /** The verification link to mail; absent when an invite already proved the address. */
  verification?: IssuedLink;
}

/** The open invite this sign-up follows, or an error naming what is wrong with it. */
async function openInvite(tx: Tx, token: string, email: string) {
  const invite = await findLinkToken(tx, 'team_invite', token);
  const problem = linkProblem(invite);
  if (problem || !invite?.teamId) throw new TollgateError('invalid_token', { detail: problem ?? 'This invite is not valid.' });
  if (invite.email.toLowerCase() !== email) {
    throw new TollgateError('invalid_params', { detail: 'The invite was sent to another address.', invalidParams: [{ name: 'email', reason: `must be ${invite.email}, the address the invite was sent to` }] });
  }
  return invite;
}

/**
 * A developer signs themselves up. Without an invite they get their own team and must follow the
 * verification link before signing in; with one, the invite proves the address and they join
 * the inviting team instead. Run with PUBLIC_PRINCIPAL: nobody is signed in yet.
 */
export const signUp = defineOperation({
  name: 'accounts.sign_up',
  role: 'developer',
  input: ZSignUpRequest,
  audit: { resourceType: 'user' },
  async run(tx, input, ctx): Promise<SignUpResult> {
    if (await findAccountByEmail(tx, input.email)) {
      throw new TollgateError('invalid_params', { detail: 'This address already has an account.', invalidParams: [{ name: 'email', reason: 'already has an account; sign in or reset your password' }] });
    }
    const invite = input.inviteToken ? await openInvite(tx, input.inviteToken, input.email) : null;
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: 'developer', passwordHash: await hashPassword(input.password), emailVerifiedAt: invite ? new Date() : null },
    });
    let result: SignUpResult;
    if (invite) {
      await consumeLinkToken(tx, 'team_invite', input.inviteToken!);
      const team = await tx.team.findUniqueOrThrow({ where: { id: invite.teamId! } });
      await tx.teamMember.create({ data: { teamId: team.id, userId: user.id, role: invite.teamRole ?? 'member' } });
      result = { userId: user.id, team: { id: team.id, name: team.name } };
    } else {
      const team = await createPersonalTeam(tx, user);
      const verification = await issueLinkToken(tx, { purpose: 'verify_email', email: user.email, userId: user.id, lifetimeMs: LINK_LIFETIME_MS.verify_email });
      result = { userId: user.id, team: { id: team.id, name: team.name }, verification };
    }
    ctx.audit({ resourceId: user.id, after: { email: user.email, name: user.name, teamId: result.team.id, invited: Boolean(invite) } });
    return result;
  },
});
