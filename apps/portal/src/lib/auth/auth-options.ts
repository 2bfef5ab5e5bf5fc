import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { env } from '@/env';
import { verifyCredentials } from '@/server/users/verify-credentials';
import { ZSignInRequest, ZUserRole } from './session-user';

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
      async authorize(credentials) {
        const input = ZSignInRequest.safeParse(credentials);
        if (!input.success) return null;
        return verifyCredentials(input.data.email, input.data.password);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
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
