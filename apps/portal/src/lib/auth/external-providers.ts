import 'server-only';
import { isTollgateError } from '@tollgate/errors';
import { publicPrincipal, runOperation, signInExternal, type SignedInPerson } from '@tollgate/operations';
import type { Account, User } from 'next-auth';
import type { Provider } from 'next-auth/providers/index';
import { env, type PortalEnv } from '@/env';
import { dbClient } from '@/server/db';
import { EXTERNAL_ACCOUNT_EXISTS, EXTERNAL_ADMIN_REFUSED } from './auth-error-codes';
import { githubProvider } from './github-provider';
import { oidcProvider } from './oidc-provider';

export type ExternalProvider = 'github' | 'oidc';

export function isExternalProvider(id: string): id is ExternalProvider {
  return id === 'github' || id === 'oidc';
}

/** The identity providers the environment configures (GITHUB_*, OIDC_*); none by default. */
export function externalProviders(config: Pick<PortalEnv, 'GITHUB' | 'OIDC'> = env): Provider[] {
  return [...(config.GITHUB ? [githubProvider(config.GITHUB)] : []), ...(config.OIDC ? [oidcProvider(config.OIDC)] : [])];
}

/**
 * next-auth's signIn callback. For GitHub and OIDC it swaps the provider's profile for the portal
 * account linked to the provider's subject (found by the vouched-for address, or created with a
 * team, the first time), so the session carries the account's id and role. Without a verified
 * address the sign-in is refused (AccessDenied); an address whose account has a password, or an
 * admin account, sends the person back to the sign-in page with the reason.
 */
export async function allowExternalSignIn({ user, account }: { user: User; account: Account | null }): Promise<boolean | string> {
  if (!account || !isExternalProvider(account.provider)) return true;
  if (typeof user.email !== 'string' || !user.email.includes('@')) return false;
  try {
    const person: SignedInPerson = await runOperation(dbClient(), publicPrincipal(), signInExternal, {
      provider: account.provider,
      subject: account.providerAccountId,
      email: user.email,
      name: user.name ?? '',
    });
    Object.assign(user, person);
    return true;
  } catch (error) {
    if (!isTollgateError(error)) throw error;
    if (error.code === 'conflict') return `/signin?error=${EXTERNAL_ACCOUNT_EXISTS}`;
    if (error.code === 'forbidden') return `/signin?error=${EXTERNAL_ADMIN_REFUSED}`;
    return false;
  }
}
