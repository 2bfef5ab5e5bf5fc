import { ZAccountEmail } from '@tollgate/contracts';
import type { UserRole } from '@tollgate/db';
import { TollgateError } from '@tollgate/errors';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { createPersonalTeam } from './create-personal-team';
import { findAccountByEmail } from './find-account';

export interface SignedInPerson {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

const ZInput = z.strictObject({
  /** An address the identity provider vouches for. */
  email: ZAccountEmail,
  name: z.string().trim().max(200).default(''),
  /** `github` or `oidc`, for the audit entry. */
  provider: z.enum(['github', 'oidc']),
});

/**
 * Sign-in through GitHub or an OpenID Connect provider, which has verified the address. The first
 * time, the person gets a verified developer account (with no password) and their own team;
 * after that, the account with that address. Admin accounts are refused: whoever controls an
 * address at an identity provider must not reach the console through it.
 */
export const signInExternal = defineOperation({
  name: 'accounts.sign_in_external',
  role: 'developer',
  input: ZInput,
  audit: { resourceType: 'user' },
  async run(tx, input, ctx): Promise<SignedInPerson> {
    const existing = await findAccountByEmail(tx, input.email);
    if (existing && existing.role !== 'developer') {
      throw new TollgateError('forbidden', { detail: 'Admin accounts sign in with their password.' });
    }
    if (existing) {
      const user = existing.emailVerifiedAt ? existing : await tx.user.update({ where: { id: existing.id }, data: { emailVerifiedAt: new Date() } });
      ctx.audit({ action: 'accounts.sign_in_external', resourceId: user.id, after: { email: user.email, provider: input.provider, created: false } });
      return { id: user.id, email: user.email, name: user.name, role: user.role };
    }
    const name = input.name || input.email.split('@')[0]!;
    // An empty hash matches no password: the account signs in through its provider until a reset sets one.
    const user = await tx.user.create({ data: { email: input.email, name, role: 'developer', passwordHash: '', emailVerifiedAt: new Date() } });
    const team = await createPersonalTeam(tx, user);
    ctx.audit({ action: 'accounts.sign_in_external', resourceId: user.id, after: { email: user.email, provider: input.provider, created: true, teamId: team.id } });
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  },
});
