import type { TSessionUser, TUserRole } from '@/lib/auth/session-user';

declare module 'next-auth' {
  interface Session {
    user?: TSessionUser;
  }
  interface User {
    role: TUserRole;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: TUserRole;
  }
}
