import type { OAuthConfig } from 'next-auth/providers/oauth';
import type { TokenSet } from 'openid-client';
import type { ExternalProfileUser } from './external-profile-user';

export interface OidcClaims {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
}

/** The claims a profile is made of: the ID token's, completed by the userinfo endpoint's (many providers put email there only). */
export function oidcProfileUser(claims: OidcClaims): ExternalProfileUser {
  return {
    id: claims.sub,
    // Only an address the provider says it verified finds or makes an account.
    email: claims.email_verified === true && typeof claims.email === 'string' ? claims.email : null,
    name: claims.name ?? claims.preferred_username ?? '',
    role: 'developer',
  };
}

/** Sign-in through any OpenID Connect provider found by discovery at `issuer`. */
export function oidcProvider(config: { issuer: string; clientId: string; clientSecret: string }): OAuthConfig<OidcClaims> {
  return {
    id: 'oidc',
    name: 'Single sign-on',
    type: 'oauth',
    wellKnown: `${config.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: 'openid email profile' } },
    // The ID token is checked (signature, issuer, audience, nonce); its subject must match userinfo's.
    idToken: true,
    checks: ['pkce', 'state', 'nonce'],
    userinfo: {
      async request({ client, tokens }) {
        // With idToken on, next-auth hands over openid-client's checked TokenSet.
        const tokenSet = tokens as TokenSet;
        const info = await client.userinfo(tokenSet);
        return { ...tokenSet.claims(), ...info } as OidcClaims;
      },
    },
    profile: (claims) => oidcProfileUser(claims),
  };
}
