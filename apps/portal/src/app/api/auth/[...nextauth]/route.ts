import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/lib/auth/auth-options';
import { guardAuthRequest } from '@/lib/auth/guard-auth-request';
import { throttledAs429 } from '@/lib/auth/throttled-as-429';

const nextAuth = NextAuth(authOptions) as (request: NextRequest, context: RouteContext) => Promise<Response>;

interface RouteContext {
  params: Promise<{ nextauth: string[] }>;
}

async function handler(request: NextRequest, context: RouteContext): Promise<Response> {
  const guarded = await guardAuthRequest(request);
  if (guarded instanceof Response) return guarded;
  return throttledAs429(await nextAuth(guarded, context));
}

export { handler as GET, handler as POST };
