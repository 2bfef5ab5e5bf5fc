import { ZLinkToken } from '@tollgate/contracts';
import type { Metadata } from 'next';
import { AuthCard, AuthLink, AuthNotice } from '../_components/auth-card';
import { ResetPasswordForm } from './_components/reset-password-form';

export const metadata: Metadata = { title: 'Choose a new password' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The landing page of the reset link; the link is used only when the new password is submitted. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const token = ZLinkToken.safeParse((await searchParams).token);
  return (
    <AuthCard title="Choose a new password" footer={<AuthLink href="/forgot-password">Ask for a new link</AuthLink>}>
      {token.success ? <ResetPasswordForm token={token.data} /> : <AuthNotice tone="error">This link is not valid. Check that you copied all of it, or ask for a new one.</AuthNotice>}
    </AuthCard>
  );
}
