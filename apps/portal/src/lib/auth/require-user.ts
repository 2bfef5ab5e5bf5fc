import 'server-only';
import { redirect } from 'next/navigation';
import { getSessionUser } from './get-session-user';
import type { TSessionUser } from './session-user';

/** The signed-in person; everyone else goes to the sign-in page and comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<TSessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
