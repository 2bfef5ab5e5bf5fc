// First line of defence for signed-in areas; layouts and pages check again on the server.
import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { env } from './env';

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const token = await getToken({ req: request, secret: env.AUTH_SECRET, secureCookie: env.SECURE_COOKIES });
  const { pathname, search } = request.nextUrl;
  if (!token) {
    const signIn = new URL('/signin', request.url);
    signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  if (pathname.startsWith('/admin') && token.role !== 'admin') {
    return NextResponse.rewrite(new URL('/forbidden', request.url), { status: 403 });
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/admin/:path*', '/apps/:path*', '/usage/:path*', '/billing/:path*'],
};
