import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { env } from '@/env';
import { readClientAddress } from '@/lib/security/client-address-header';
import { verifyCredentials } from '@/server/users/verify-credentials';
import { EMAIL_NOT_VERIFIED } from './auth-error-codes';
import { allowExternalSignIn, externalProviders } from './external-providers';
import { sameOriginRedirect } from './same-origin-redirect';
import { signInLinkProvider } from './sign-in-link-provider';
import { ZSignInRequest, ZUserRole } from './session-user';
import { recordSignInFailure, recordSignInSuccess, signInWaitMs } from './sign-in-throttle';
import { tooManyAttemptsCode } from './too-many-attempts';

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  useSecureCookies: env.SECURE_COOKIES,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/signin', error: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials, request) {
        const input = ZSignInRequest.safeParse(credentials);
        if (!input.success) return null;
        const { email, password } = input.data;
        const address = readClientAddress(request.headers);
        // While throttled even the right password is refused: the password is not checked at all.
        const waitMs = await signInWaitMs(email, address);
        if (waitMs > 0) throw new Error(tooManyAttemptsCode(waitMs));
        const user = await verifyCredentials(email, password);
        if (!user) {
          await recordSignInFailure(email, address);
          return null;
        }
        await recordSignInSuccess(email);
        // Said only after the right password, so it tells a stranger nothing about the address.
        if (user.awaitingVerification) throw new Error(EMAIL_NOT_VERIFIED);
        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
    signInLinkProvider,
    ...externalProviders(),
  ],
  callbacks: {
    // next-auth's own redirect callback throws on a malformed URL (an unhandled 500).
    redirect: sameOriginRedirect,
    signIn: allowExternalSignIn,
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.email = user.email;
        token.name = user.name;
      }
      return token;
    },
    session({ session, token }) {
      const role = ZUserRole.safeParse(token.role);
      if (token.sub && role.success) {
        session.user = { id: token.sub, email: token.email ?? '', name: token.name ?? '', role: role.data };
      }
      return session;
    },
  },
};
