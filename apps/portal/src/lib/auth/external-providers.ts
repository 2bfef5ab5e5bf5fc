import 'server-only';
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

/** next-auth's signIn callback: an identity provider must vouch for an address, or the sign-in is refused. */
export function allowExternalSignIn({ user, account }: { user: User; account: Account | null }): boolean {
  if (!account || !isExternalProvider(account.provider)) return true;
  return typeof user.email === 'string' && user.email.includes('@');
}

/** The portal account behind a GitHub or OIDC sign-in; created, verified and given a team the first time. */
export function accountForExternalSignIn(provider: ExternalProvider, user: User): Promise<SignedInPerson> {
  return runOperation(dbClient(), publicPrincipal(), signInExternal, { email: user.email ?? '', name: user.name ?? '', provider });
}
