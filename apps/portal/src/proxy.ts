// Runs before every page: gives the page a Content-Security-Policy with a fresh nonce (Next.js
// reads it from the request header and puts it on its inline scripts), and turns strangers
// away from signed-in areas. Layouts and pages check the session again on the server.
// Route handlers are left out: they render no scripts and get the portal server's policy.
import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { env } from './env';
import { ZUserRole } from './lib/auth/session-user';
import { pageContentSecurityPolicy } from './lib/security/page-content-security-policy';

const SIGNED_IN_AREAS = ['/admin', '/apps', '/usage', '/billing'];
const GATEWAY_ORIGIN = new URL(env.GATEWAY_PUBLIC_URL).origin;

function inArea(pathname: string, area: string): boolean {
  return pathname === area || pathname.startsWith(`${area}/`);
}

async function guard(request: NextRequest, headers: Headers): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  if (!SIGNED_IN_AREAS.some((area) => inArea(pathname, area))) return NextResponse.next({ request: { headers } });
  const token = await getToken({ req: request, secret: env.AUTH_SECRET, secureCookie: env.SECURE_COOKIES });
  if (!token) {
    const signIn = new URL('/signin', request.url);
    signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  // The console is for owners, admins and viewers (as requireAdmin decides again on the server).
  const role = ZUserRole.safeParse(token.role);
  if (inArea(pathname, '/admin') && (!role.success || role.data === 'developer')) {
    return NextResponse.rewrite(new URL('/forbidden', request.url), { status: 403, request: { headers } });
  }
  return NextResponse.next({ request: { headers } });
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const policy = pageContentSecurityPolicy(nonce, { dev: env.NODE_ENV === 'development', https: env.SECURE_COOKIES, gatewayOrigin: GATEWAY_ORIGIN });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  const response = await guard(request, headers);
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // The console's log upload streams a body of up to 1 GiB: the proxy would buffer and cut it.
  matcher: ['/((?!api/|admin/discovery/imports|_next/static/|_next/image|favicon.ico).*)'],
};
