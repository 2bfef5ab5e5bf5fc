import { ZCreateSignInLinkRequest, ZSlug } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { findTeamOrThrow } from '../teams/find-team-or-throw';
import { findAccountByEmail } from './find-account';
import { issueLinkToken, type IssuedLink } from './link-token';

const ZInput = ZCreateSignInLinkRequest.extend({ team: ZSlug });

export interface CreatedSignInLink extends IssuedLink {
  redirectTo: string;
}

function notAMember(email: string): TollgateError {
  return new TollgateError('invalid_params', { detail: 'The person must be a member of this team.', invalidParams: [{ name: 'email', reason: `${email} is not a member of this team` }] });
}

/**
 * An admin mints a one-time sign-in link for a member of a team (a partner's support desk, a
 * demo). Only developer accounts qualify: a link must never open a console session, or an admin
 * could mint one for an owner and act as them.
 */
export const createSignInLink = defineOperation({
  name: 'teams.create_sign_in_link',
  role: 'admin',
  input: ZInput,
  audit: { resourceType: 'team' },
  async run(tx, input, ctx): Promise<CreatedSignInLink> {
    const team = await findTeamOrThrow(tx, input.team);
    const user = await findAccountByEmail(tx, input.email);
    if (!user) throw notAMember(input.email);
    const member = await tx.teamMember.findUnique({ where: { teamId_userId: { teamId: team.id, userId: user.id } } });
    if (!member) throw notAMember(input.email);
    if (user.role !== 'developer') {
      throw new TollgateError('invalid_params', { detail: 'Sign-in links are for developer accounts.', invalidParams: [{ name: 'email', reason: 'is an admin account; sign-in links open developer sessions only' }] });
    }
    const link = await issueLinkToken(tx, { purpose: 'sign_in_link', email: user.email, userId: user.id, teamId: team.id, lifetimeMs: input.ttlSeconds * 1000 });
    ctx.audit({ resourceId: team.id, after: { email: user.email, userId: user.id, expiresAt: link.expiresAt.toISOString(), redirectTo: input.redirectTo } });
    return { ...link, redirectTo: input.redirectTo };
  },
});
