import { getApp, listKeys, listSubscriptions } from '@tollgate/operations';
import { PageHeader } from '@tollgate/ui';
import type { TableParamsSpec } from '@tollgate/ui/table-params';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { readAsAdmin } from '@/lib/auth/admin-principal';
import { DetailSection } from '../_components/detail-section';
import { KeysTable } from '../../keys/_components/keys-table';
import { plansByApi } from '../../subscriptions/_components/plans-by-api';
import { SubscriptionsTable } from '../../subscriptions/_components/subscriptions-table';
import { AppAnalyticsExclusion } from './_components/app-analytics-exclusion';
import { CreateKeyDialog } from './_components/create-key-dialog';
import { SubscribeDialog } from './_components/subscribe-dialog';

type Props = { params: Promise<{ slug: string }> };

// One app's subscriptions and keys, up to 100 of each: no paging, so the two tables never share URL state.
const APP_SUBSCRIPTIONS: TableParamsSpec = { pageSizes: [100] };
const APP_KEYS: TableParamsSpec = { pageSizes: [100] };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `App ${(await params).slug}` };
}

export default async function AdminAppPage({ params }: Props) {
  const { slug } = await params;
  const returnTo = `/admin/apps/${slug}`;
  const app = await readAsAdmin(getApp, { slug }, returnTo).catch((error: unknown) => {
    const code = (error as { code?: string }).code;
    if (code === 'not_found' || code === 'invalid_params') notFound();
    throw error;
  });
  const [subscriptions, keys, plans] = await Promise.all([
    readAsAdmin(listSubscriptions, { app: slug, limit: 100 }, returnTo),
    readAsAdmin(listKeys, { app: slug, limit: 100 }, returnTo),
    plansByApi(returnTo),
  ]);
  return (
    <div className="grid gap-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link href="/admin/teams" className="hover:text-foreground hover:underline">
          Teams
        </Link>{' '}
        /{' '}
        <Link href={`/admin/teams/${app.team}`} className="hover:text-foreground hover:underline">
          {app.team}
        </Link>{' '}
        / <span className="text-foreground">{app.slug}</span>
      </nav>
      <PageHeader
        title={app.name}
        className="mb-0"
        description={app.description || <code className="font-mono text-xs">{app.slug}</code>}
        actions={<AppAnalyticsExclusion app={app.slug} excluded={app.excludedFromAnalytics} />}
      />
      <DetailSection title="Subscriptions" description="The APIs this app may call, and on which plan." actions={<SubscribeDialog app={app.slug} plansByApi={plans} />}>
        <SubscriptionsTable subscriptions={subscriptions.items} nextCursor={null} plansByApi={plans} params={APP_SUBSCRIPTIONS} caption={`Subscriptions of ${app.name}`} hideApp />
      </DetailSection>
      <DetailSection title="Keys" description="Only the prefix of each key is kept; last used is written by the gateways with their usage." actions={<CreateKeyDialog app={app.slug} />}>
        <KeysTable keys={keys.items} nextCursor={null} params={APP_KEYS} caption={`Keys of ${app.name}`} hideApp />
      </DetailSection>
    </div>
  );
}
