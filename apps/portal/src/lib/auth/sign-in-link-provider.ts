import 'server-only';
import { isTollgateError } from '@tollgate/errors';
import { publicPrincipal, redeemSignInLink, runOperation, type LinkState } from '@tollgate/operations';
import CredentialsProvider from 'next-auth/providers/credentials';
import { readClientAddress } from '@/lib/security/client-address-header';
import { dbClient } from '@/server/db';
import { SIGN_IN_LINK_ERRORS } from './auth-error-codes';

/**
 * next-auth's door for admin-minted one-time links: the page /signin/link posts the link's secret
 * here; the operation spends it (once, before it expires) and names the person.
 */
export const signInLinkProvider = CredentialsProvider({
  id: 'sign-in-link',
  name: 'One-time sign-in link',
  credentials: { token: { label: 'Token', type: 'text' } },
  async authorize(credentials, request) {
    const address = readClientAddress(request.headers);
    try {
      return await runOperation(dbClient(), publicPrincipal(address), redeemSignInLink, { token: credentials?.token ?? '' });
    } catch (error) {
      if (!isTollgateError(error) || (error.code !== 'invalid_token' && error.code !== 'invalid_params')) throw error;
      const state = (error.extensions?.link as LinkState | undefined) ?? 'unknown';
      throw new Error(SIGN_IN_LINK_ERRORS[state]);
    }
  },
});
