import 'server-only';
import { isTollgateError } from '@tollgate/errors';
import { publicPrincipal, runOperation, signInExternal, type SignedInPerson } from '@tollgate/operations';
import type { Account, Profile, User } from 'next-auth';
import type { Provider } from 'next-auth/providers/index';
import GithubProvider from 'next-auth/providers/github';
import { env } from '@/env';
import { dbClient } from '@/server/db';

export type ExternalProvider = 'github' | 'oidc';

export function isExternalProvider(id: string): id is ExternalProvider {
  return id === 'github' || id === 'oidc';
}

/** The identity providers the environment configures (GITHUB_*, OIDC_*); none by default. */
export function externalProviders(): Provider[] {
  const providers: Provider[] = [];
  if (env.GITHUB) {
    providers.push(
      GithubProvider({
        clientId: env.GITHUB.clientId,
        clientSecret: env.GITHUB.clientSecret,
        // The role here is a placeholder: the jwt callback takes the account's role from the database.
        profile: (profile) => ({ id: String(profile.id), email: profile.email, name: profile.name ?? profile.login, role: 'developer' }),
      }),
    );
  }
  if (env.OIDC) {
    providers.push({
      id: 'oidc',
      name: 'Single sign-on',
      type: 'oauth',
      wellKnown: `${env.OIDC.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`,
      clientId: env.OIDC.clientId,
      clientSecret: env.OIDC.clientSecret,
      authorization: { params: { scope: 'openid email profile' } },
      idToken: true,
      checks: ['pkce', 'state'],
      profile: (profile: Profile & { sub: string; email_verified?: boolean; preferred_username?: string }) => ({
        id: profile.sub,
        email: profile.email_verified === false ? null : profile.email,
        name: profile.name ?? profile.preferred_username ?? '',
        role: 'developer',
      }),
    });
  }
  return providers;
}

/**
 * next-auth's signIn callback. For GitHub and OIDC it swaps the provider's profile for the portal
 * account with that address (created, verified and given a team the first time), so the session
 * carries the account's id and role; without a vouched-for address, or for an admin account, the
 * sign-in is refused (AccessDenied).
 */
export async function allowExternalSignIn({ user, account }: { user: User; account: Account | null }): Promise<boolean> {
  if (!account || !isExternalProvider(account.provider)) return true;
  if (typeof user.email !== 'string' || !user.email.includes('@')) return false;
  try {
    const person: SignedInPerson = await runOperation(dbClient(), publicPrincipal(), signInExternal, { email: user.email, name: user.name ?? '', provider: account.provider });
    Object.assign(user, person);
    return true;
  } catch (error) {
    if (!isTollgateError(error)) throw error;
    return false;
  }
}
