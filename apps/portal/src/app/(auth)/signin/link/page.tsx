import type { Metadata } from 'next';
import { safeCallbackUrl } from '@/lib/safe-callback-url';
import { AuthCard, AuthLink } from '../../_components/auth-card';
import { RedeemLink } from './_components/redeem-link';

export const metadata: Metadata = { title: 'Sign in with a link' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The landing page of an admin-minted sign-in link. */
export default async function SignInLinkPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const token = typeof params.token === 'string' ? params.token : '';
  const next = typeof params.next === 'string' ? safeCallbackUrl(params.next, '/apps') : '/apps';
  return (
    <AuthCard title="Sign in with a link" description="This link signs you in once and works for a few minutes." footer={<AuthLink href="/signin">Sign in with a password instead</AuthLink>}>
      <RedeemLink token={token} next={next} />
    </AuthCard>
  );
}
