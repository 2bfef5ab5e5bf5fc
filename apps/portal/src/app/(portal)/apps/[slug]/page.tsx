import { listSubscribableApis } from '@tollgate/operations';
import { PageHeader } from '@tollgate/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { readAsDeveloper } from '@/lib/auth/developer-principal';
import { notFoundOnMissing } from '@/lib/not-found-on-missing';
import { DetailSection } from '../../../(admin)/admin/apps/_components/detail-section';
import { CreateKeyDialog } from './_components/create-key-dialog';
import { loadTeamApp } from './_components/load-team-app';
import { DeleteAppButton } from './_components/delete-app-button';
import { KeysTable } from './_components/keys-table';
import { RenameAppDialog } from './_components/rename-app-dialog';
import { SubscribeDialog } from './_components/subscribe-dialog';
import { SubscriptionsTable } from './_components/subscriptions-table';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `App ${(await params).slug}` };
}

export default async function AppPage({ params }: Props) {
  const { slug } = await params;
  const returnTo = `/apps/${slug}`;
  const [detail, subscribable] = await Promise.all([
    loadTeamApp(slug),
    readAsDeveloper(listSubscribableApis, { app: slug }, returnTo).catch(notFoundOnMissing),
  ]);
  const { app } = detail;
  const subscribedApis = detail.subscriptions.filter((subscription) => subscription.status !== 'cancelled').map((subscription) => subscription.api);
  return (
    <div className="grid gap-8">
      <div className="grid gap-3">
        <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
          <Link href="/apps" className="hover:text-foreground hover:underline">
            Apps
          </Link>{' '}
          / <span className="text-foreground">{app.slug}</span>
        </nav>
        <PageHeader
          className="mb-0"
          title={app.name}
          description={
            <>
              {app.description ? <span className="block">{app.description}</span> : null}
              <span className="block">
                Team {app.team.name} · <code className="font-mono text-xs">{app.slug}</code>
              </span>
            </>
          }
          actions={
            <div className="flex flex-wrap gap-2">
              <RenameAppDialog app={app} />
              {detail.role === 'owner' ? <DeleteAppButton app={app} /> : null}
            </div>
          }
        />
      </div>
      <DetailSection
        title="Subscriptions"
        description="The APIs this app may call, and on which plan. A plan that needs approval waits for an admin."
        actions={<SubscribeDialog app={app.slug} apis={subscribable} subscribed={subscribedApis.map((api) => api.slug)} />}
      >
        <SubscriptionsTable subscriptions={detail.subscriptions} appName={app.name} />
      </DetailSection>
      <DetailSection
        title="Keys"
        description="Only each key's prefix is kept; its secret is shown once, when it is created. Last use comes from the gateways' usage."
        actions={<CreateKeyDialog app={app.slug} apis={subscribedApis} routeScopes={detail.routeScopes} />}
      >
        <KeysTable keys={detail.keys} appName={app.name} />
      </DetailSection>
    </div>
  );
}
