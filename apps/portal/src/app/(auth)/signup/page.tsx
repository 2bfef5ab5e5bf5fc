import { getInvite } from '@tollgate/operations';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getSessionUser } from '@/lib/auth/get-session-user';
import { runAsPublic } from '@/server/accounts/public-account-run';
import { AuthCard } from '../_components/auth-card';
import { SignUpForm } from './_components/sign-up-form';

export const metadata: Metadata = { title: 'Create an account' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const inviteToken = typeof params.invite === 'string' ? params.invite : undefined;
  if (await getSessionUser()) redirect(inviteToken ? `/invite?token=${encodeURIComponent(inviteToken)}` : '/');
  const invite = inviteToken ? await runAsPublic(getInvite, { token: inviteToken }).catch(() => null) : null;
  const usable = invite && !invite.problem && invite.team ? invite : null;
  return (
    <AuthCard
      title="Create an account"
      description={usable ? `You were invited to ${usable.team!.name}. Create your account to join.` : 'Browse the API catalog, create apps and get API keys.'}
    >
      <SignUpForm {...(usable && inviteToken ? { inviteToken, invitedEmail: usable.email } : {})} />
    </AuthCard>
  );
}
