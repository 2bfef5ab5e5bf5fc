import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { env } from '@/env';
import { externalProviderButtons } from '@/lib/auth/external-provider-buttons';
import { getSessionUser } from '@/lib/auth/get-session-user';
import { safeCallbackUrl } from '@/lib/safe-callback-url';
import { AuthCard, AuthLink } from '../_components/auth-card';
import { ProviderButtons } from './_components/provider-buttons';
import { SignInForm } from './_components/sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === 'string' ? safeCallbackUrl(params.callbackUrl, '') : '';
  const user = await getSessionUser();
  if (user) redirect(callbackUrl || (user.role === 'admin' ? '/admin' : '/'));
  const providers = externalProviderButtons(env);

  return (
    <AuthCard
      title="Sign in"
      description="Admins reach the console, developers their apps and keys."
      footer={
        <>
          <p>
            New here? <AuthLink href="/signup">Create an account</AuthLink>
          </p>
          <AuthLink href="/forgot-password">Forgot your password?</AuthLink>
        </>
      }
    >
      <div className="grid gap-4">
        <ProviderButtons providers={providers} callbackUrl={callbackUrl} />
        <SignInForm callbackUrl={callbackUrl} initialError={typeof params.error === 'string' ? params.error : undefined} />
      </div>
    </AuthCard>
  );
}
