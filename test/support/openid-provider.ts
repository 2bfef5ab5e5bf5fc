// A real OpenID Connect provider (panva's oidc-provider) on a free port, with its development
// login and consent pages: any login name signs in as the account of that name.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface OpenIdAccountClaims {
  email: string;
  email_verified: boolean;
  name: string;
}

export interface RunningOpenIdProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

/**
 * Starts the provider with one confidential client allowed to return to `redirectUri`. `accounts`
 * maps a login name (the subject) to its claims; an unknown name signs in with no email claims.
 */
export async function startOpenIdProvider(options: { redirectUri: string; accounts: Record<string, OpenIdAccountClaims> }): Promise<RunningOpenIdProvider> {
  const server: Server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'tollgate-portal';
  const clientSecret = 'a-client-secret-for-the-portal-0123456789';
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [options.redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['a-cookie-key-for-the-test-provider'] },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, ...options.accounts[sub] }) }),
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
