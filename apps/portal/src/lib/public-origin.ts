import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/env';

function fromHost(host: string | null): string | null {
  return host ? `http://${host}` : null;
}

/**
 * The origin links in mail and in admin API answers are built on: NEXTAUTH_URL when set, else the
 * Host the client asked for (the portal's own server speaks http; Next.js's request.url names the
 * address it listens on, not the one the client used). Production sets NEXTAUTH_URL, so no
 * client can choose the host of a mailed link.
 */
export async function publicOrigin(request?: Request): Promise<string> {
  if (env.NEXTAUTH_URL) return new URL(env.NEXTAUTH_URL).origin;
  if (request) return fromHost(request.headers.get('host')) ?? new URL(request.url).origin;
  return fromHost((await headers()).get('host')) ?? `http://${env.PORTAL_HOST}:${env.PORTAL_PORT}`;
}
