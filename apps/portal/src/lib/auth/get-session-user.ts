import 'server-only';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { authOptions } from './auth-options';
import { ZSessionUser, type TSessionUser } from './session-user';

/** The signed-in person from the session cookie, or null. Read once per request. */
export const getSessionUser = cache(async (): Promise<TSessionUser | null> => {
  const session = await getServerSession(authOptions);
  const user = ZSessionUser.safeParse(session?.user);
  return user.success ? user.data : null;
});
