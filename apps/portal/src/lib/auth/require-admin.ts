import 'server-only';
import { forbidden } from 'next/navigation';
import { getUser } from '@/server/users/get-user';
import { requireUser } from './require-user';
import type { TSessionUser } from './session-user';

/** An admin (owner, admin or viewer) as the database knows them now; developers get 403, strangers the sign-in page. */
export async function requireAdmin(returnTo = '/admin'): Promise<TSessionUser> {
  const sessionUser = await requireUser(returnTo);
  const user = await getUser(sessionUser.id);
  if (!user || user.role === 'developer') forbidden();
  return user;
}
