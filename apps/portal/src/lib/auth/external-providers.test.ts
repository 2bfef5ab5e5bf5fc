import { describe, expect, it } from 'vitest';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { externalProviderButtons } from './external-provider-buttons';
import { externalProviders } from './external-providers';
import { primaryVerifiedEmail } from './github-provider';
import { oidcProfileUser } from './oidc-provider';

const GITHUB = { clientId: 'gh-client', clientSecret: 'gh-secret' };
const OIDC = { issuer: 'https://id.example.com/realms/acme/', clientId: 'portal', clientSecret: 'oidc-secret' };

describe('identity providers from the environment', () => {
  it('offers no button and no provider unless configured', () => {
    expect(externalProviderButtons({ GITHUB: undefined, OIDC: undefined })).toEqual([]);
    expect(externalProviders({ GITHUB: undefined, OIDC: undefined })).toEqual([]);
    expect(externalProviderButtons({ GITHUB, OIDC: undefined })).toEqual([{ id: 'github', name: 'GitHub' }]);
    expect(externalProviderButtons({ GITHUB: undefined, OIDC })).toEqual([{ id: 'oidc', name: 'single sign-on' }]);
    expect(externalProviders({ GITHUB, OIDC }).map((provider) => provider.id)).toEqual(['github', 'oidc']);
  });

  it('configures GitHub with its endpoints, the credentials and the scope that lists verified addresses', () => {
    const [github] = externalProviders({ GITHUB, OIDC: undefined }) as OAuthConfig<Record<string, unknown>>[];
    const options = github!.options as OAuthConfig<Record<string, unknown>>;
    expect(github).toMatchObject({ id: 'github', type: 'oauth', token: 'https://github.com/login/oauth/access_token' });
    expect(options).toMatchObject({ clientId: 'gh-client', clientSecret: 'gh-secret', authorization: { params: { scope: 'read:user user:email' } } });
    expect(typeof (options.userinfo as { request?: unknown }).request).toBe('function');
    expect(options.profile!({ id: 583231, login: 'octocat', name: null, email: 'octo@example.com' }, {})).toEqual({ id: '583231', email: 'octo@example.com', name: 'octocat', role: 'developer' });
  });

  it('takes only GitHub’s primary verified address', () => {
    expect(primaryVerifiedEmail([{ email: 'old@example.com', primary: false, verified: true }, { email: 'main@example.com', primary: true, verified: true }])).toBe('main@example.com');
    expect(primaryVerifiedEmail([{ email: 'main@example.com', primary: true, verified: false }, { email: 'other@example.com', primary: false, verified: true }])).toBeNull();
    expect(primaryVerifiedEmail([])).toBeNull();
  });

  it('configures OpenID Connect by discovery, with PKCE, state and nonce', () => {
    const [oidc] = externalProviders({ GITHUB: undefined, OIDC }) as OAuthConfig<Record<string, unknown>>[];
    expect(oidc).toMatchObject({
      id: 'oidc',
      type: 'oauth',
      wellKnown: 'https://id.example.com/realms/acme/.well-known/openid-configuration',
      clientId: 'portal',
      clientSecret: 'oidc-secret',
      idToken: true,
      checks: ['pkce', 'state', 'nonce'],
      authorization: { params: { scope: 'openid email profile' } },
    });
  });

  it('keeps an OIDC address only when the provider says it verified it', () => {
    expect(oidcProfileUser({ sub: 's1', email: 'a@example.com', email_verified: true, name: 'A' })).toEqual({ id: 's1', email: 'a@example.com', name: 'A', role: 'developer' });
    expect(oidcProfileUser({ sub: 's1', email: 'a@example.com', email_verified: false }).email).toBeNull();
    expect(oidcProfileUser({ sub: 's1', email: 'a@example.com', preferred_username: 'a' })).toEqual({ id: 's1', email: null, name: 'a', role: 'developer' });
  });
});
