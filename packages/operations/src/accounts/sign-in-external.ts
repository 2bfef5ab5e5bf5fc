import { ZAccountEmail } from '@tollgate/contracts';
import type { User, UserRole } from '@tollgate/db';
import { TollgateError } from '@tollgate/errors';
import { z } from 'zod';
import { defineOperation, type Tx } from '../core/define-operation';
import { createPersonalTeam } from './create-personal-team';
import { findAccountByEmail } from './find-account';

export interface SignedInPerson {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

const ZInput = z.strictObject({
  /** `github` or `oidc`. */
  provider: z.enum(['github', 'oidc']),
  /** The provider's stable id for the person (OIDC `sub`, GitHub's user id). */
  subject: z.string().trim().min(1).max(255),
  /** An address the identity provider vouches for (verified there). */
  email: ZAccountEmail,
  name: z.string().trim().max(200).default(''),
});

function person(user: User): SignedInPerson {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

function refuseAdmin(user: User): void {
  if (user.role !== 'developer') throw new TollgateError('forbidden', { detail: 'Admin accounts sign in with their password.' });
}

async function linkedAccount(tx: Tx, provider: string, subject: string): Promise<User | null> {
  const identity = await tx.externalIdentity.findUnique({ where: { provider_subject: { provider, subject } }, include: { user: true } });
  return identity?.user ?? null;
}

/**
 * Sign-in through GitHub or an OpenID Connect provider. The person is known by the provider's
 * subject: once linked, that identity always reaches the same account, whatever address the
 * provider reports later. An unknown identity with an address nobody uses gets a verified
 * developer account (with no password) and its own team. An unknown identity whose address
 * belongs to an account with a password is refused (`conflict`): control of an address at a
 * provider does not take over an account someone protects with a password. An existing account
 * without a password (made by another provider, or by an admin) is linked, which is what a reset
 * link to the same address would allow. Admin accounts are always refused.
 */
export const signInExternal = defineOperation({
  name: 'accounts.sign_in_external',
  role: 'developer',
  input: ZInput,
  audit: { resourceType: 'user' },
  async run(tx, input, ctx): Promise<SignedInPerson> {
    const linked = await linkedAccount(tx, input.provider, input.subject);
    if (linked) {
      refuseAdmin(linked);
      ctx.audit({ action: 'accounts.sign_in_external', resourceId: linked.id, after: { email: linked.email, provider: input.provider, linked: false, created: false } });
      return person(linked);
    }
    const existing = await findAccountByEmail(tx, input.email);
    if (existing) {
      refuseAdmin(existing);
      if (existing.passwordHash !== '') {
        throw new TollgateError('conflict', { detail: 'An account with this address signs in with a password.' });
      }
      const user = existing.emailVerifiedAt ? existing : await tx.user.update({ where: { id: existing.id }, data: { emailVerifiedAt: new Date() } });
      await tx.externalIdentity.create({ data: { provider: input.provider, subject: input.subject, userId: user.id, email: input.email } });
      ctx.audit({ action: 'accounts.sign_in_external', resourceId: user.id, after: { email: user.email, provider: input.provider, linked: true, created: false } });
      return person(user);
    }
    const name = input.name || input.email.split('@')[0]!;
    // An empty hash matches no password: the account signs in through its provider until a reset sets one.
    const user = await tx.user.create({ data: { email: input.email, name, role: 'developer', passwordHash: '', emailVerifiedAt: new Date() } });
    await tx.externalIdentity.create({ data: { provider: input.provider, subject: input.subject, userId: user.id, email: input.email } });
    const team = await createPersonalTeam(tx, user);
    ctx.audit({ action: 'accounts.sign_in_external', resourceId: user.id, after: { email: user.email, provider: input.provider, linked: true, created: true, teamId: team.id } });
    return person(user);
  },
});
