import type { OAuthConfig } from 'next-auth/providers/oauth';
import GithubProvider, { type GithubEmail, type GithubProfile } from 'next-auth/providers/github';
import type { ExternalProfileUser } from './external-profile-user';

const GITHUB_EMAILS_URL = 'https://api.github.com/user/emails';

/** The address GitHub has verified and the person marked primary; null when there is none. */
export function primaryVerifiedEmail(emails: readonly Pick<GithubEmail, 'email' | 'primary' | 'verified'>[]): string | null {
  return emails.find((entry) => entry.primary && entry.verified)?.email ?? null;
}

/**
 * GitHub sign-in. The address always comes from GitHub's list of the person's addresses (scope
 * `user:email`), the primary one and only when GitHub has verified it; the profile's public
 * address is not used, so the account is found only by an address GitHub vouches for.
 */
export function githubProvider(config: { clientId: string; clientSecret: string }): OAuthConfig<GithubProfile> {
  return GithubProvider({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: 'read:user user:email' } },
    userinfo: {
      url: 'https://api.github.com/user',
      async request({ client, tokens }) {
        const profile = (await client.userinfo(tokens.access_token!)) as unknown as GithubProfile;
        const response = await fetch(GITHUB_EMAILS_URL, { headers: { Authorization: `token ${tokens.access_token}`, 'User-Agent': 'tollgate-portal' } });
        const emails = response.ok ? ((await response.json()) as GithubEmail[]) : [];
        return { ...profile, email: primaryVerifiedEmail(emails) } as never;
      },
    },
    // The role here is a placeholder: the jwt callback takes the account's role from the database.
    profile: (profile): ExternalProfileUser => ({ id: String(profile.id), email: profile.email, name: profile.name ?? profile.login, role: 'developer' }),
  });
}
