import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/env';

/**
 * The origin links in mail and in admin API answers are built on: NEXTAUTH_URL when set, else the
 * origin of the request being served (its Host header; the portal's own server speaks http).
 * Production sets NEXTAUTH_URL, so no client can choose the host of a mailed link.
 */
export async function publicOrigin(request?: Request): Promise<string> {
  if (env.NEXTAUTH_URL) return new URL(env.NEXTAUTH_URL).origin;
  if (request) return new URL(request.url).origin;
  const host = (await headers()).get('host');
  return host ? `http://${host}` : `http://${env.PORTAL_HOST}:${env.PORTAL_PORT}`;
}
