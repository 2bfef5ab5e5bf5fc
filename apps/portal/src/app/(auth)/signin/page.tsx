import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Brand } from '@/components/brand';
import { getSessionUser } from '@/lib/auth/get-session-user';
import { safeCallbackUrl } from '@/lib/safe-callback-url';
import { SignInForm } from './_components/sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === 'string' ? safeCallbackUrl(params.callbackUrl, '') : '';
  const user = await getSessionUser();
  if (user) redirect(callbackUrl || (user.role === 'admin' ? '/admin' : '/'));

  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-slate-50 to-slate-100 px-6 py-12">
      <Brand />
      <div className="mt-8 w-full max-w-sm rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-lg font-semibold text-slate-900">Sign in</h1>
        <p className="mt-1 text-sm text-slate-600">Admins reach the console, developers their apps and keys.</p>
        <SignInForm callbackUrl={callbackUrl} initialError={typeof params.error === 'string' ? params.error : undefined} />
      </div>
    </main>
  );
}
