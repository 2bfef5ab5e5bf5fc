import { isTollgateError } from '@tollgate/errors';
import { verifyEmail } from '@tollgate/operations';
import type { Metadata } from 'next';
import { runAsPublic } from '@/server/accounts/public-account-run';
import { AuthCard, AuthLink, AuthNotice } from '../_components/auth-card';
import { ResendVerificationForm } from '../signin/_components/resend-verification-form';

export const metadata: Metadata = { title: 'Confirm your email' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The landing page of the verification link: uses the link once, then says what happened. */
export default async function VerifyEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const token = (await searchParams).token;
  const outcome = await runAsPublic(verifyEmail, { token: typeof token === 'string' ? token : '' }).then(
    (verified) => ({ ok: true as const, email: verified.email }),
    (error: unknown) => {
      if (!isTollgateError(error)) throw error;
      return { ok: false as const, problem: error.code === 'invalid_params' ? 'This link is not valid. Check that you copied all of it, or ask for a new one.' : error.detail };
    },
  );
  if (outcome.ok) {
    return (
      <AuthCard title="Email confirmed">
        <div className="grid gap-4">
          <AuthNotice tone="success">
            <strong>{outcome.email}</strong> is confirmed. You can sign in now.
          </AuthNotice>
          <AuthLink href="/signin?callbackUrl=%2Fteam">Sign in</AuthLink>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="This link does not work" footer={<AuthLink href="/signin">Back to sign in</AuthLink>}>
      <div className="grid gap-5">
        <AuthNotice tone="error">{outcome.problem}</AuthNotice>
        <ResendVerificationForm />
      </div>
    </AuthCard>
  );
}
