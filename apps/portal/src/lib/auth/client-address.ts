import 'server-only';
import { headers } from 'next/headers';

/** The caller's address as the portal's own server recorded it: the last hop of X-Forwarded-For. */
export async function clientAddress(): Promise<string | undefined> {
  return (await headers()).get('x-forwarded-for')?.split(',').at(-1)?.trim() || undefined;
}
