import { Button } from '@tollgate/ui';
import { getInvite } from '@tollgate/operations';
import type { Metadata } from 'next';
import Link from 'next/link';
import { SignOutButton } from '@/components/sign-out-button';
import { getSessionUser } from '@/lib/auth/get-session-user';
import { runAsPublic } from '@/server/accounts/public-account-run';
import { AuthCard, AuthLink, AuthNotice } from '../_components/auth-card';
import { AcceptInviteButton } from './_components/accept-invite-button';

export const metadata: Metadata = { title: 'Team invite' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The landing page of a team invite: join when signed in as the invited address, else sign up or sign in first. */
export default async function InvitePage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).token;
  const token = typeof raw === 'string' ? raw : '';
  const invite = await runAsPublic(getInvite, { token }).catch(() => null);
  if (!invite || invite.problem || !invite.team) {
    return (
      <AuthCard title="This invite does not work" footer={<AuthLink href="/">Go to the portal</AuthLink>}>
        <AuthNotice tone="error">{invite?.problem ?? 'This link is not valid. Check that you copied all of it, or ask for a new one.'} Ask a team owner to invite you again.</AuthNotice>
      </AuthCard>
    );
  }
  const user = await getSessionUser();
  const here = `/invite?token=${encodeURIComponent(token)}`;
  const title = `Join ${invite.team.name}`;
  const description = `You were invited to the team ${invite.team.name} as ${invite.role === 'owner' ? 'an owner' : 'a member'}.`;
  if (!user) {
    return (
      <AuthCard title={title} description={description}>
        <div className="grid gap-3">
          <p className="text-sm text-muted-foreground">
            The invite is for <strong className="text-foreground">{invite.email}</strong>.
          </p>
          <Button asChild className="w-full">
            <Link href={`/signup?invite=${encodeURIComponent(token)}`}>Create an account</Link>
          </Button>
          <Button asChild variant="secondary" className="w-full">
            <Link href={`/signin?callbackUrl=${encodeURIComponent(here)}`}>I have an account: sign in</Link>
          </Button>
        </div>
      </AuthCard>
    );
  }
  if (user.email.toLowerCase() !== invite.email.toLowerCase()) {
    return (
      <AuthCard title={title} description={description}>
        <div className="grid gap-3">
          <AuthNotice tone="error">
            This invite is for {invite.email}, and you are signed in as {user.email}. Sign out, then open the link again and sign in as {invite.email}.
          </AuthNotice>
          <SignOutButton className="w-full justify-center border border-border" />
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={title} description={description}>
      <AcceptInviteButton token={token} teamName={invite.team.name} />
    </AuthCard>
  );
}
