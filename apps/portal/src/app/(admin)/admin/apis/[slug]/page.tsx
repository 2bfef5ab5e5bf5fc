import type { TRouteResource } from '@tollgate/contracts';
import { getApi, getUpstream, listRoutes } from '@tollgate/operations';
import { Card, PageHeader } from '@tollgate/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { readAsAdmin } from '@/lib/auth/admin-principal';
import { ApiStatusBadge } from '../_components/api-status-badge';
import { ApiEditForm } from './_components/api-edit-form';
import { DeleteApiButton } from './_components/delete-api-button';
import { LifecycleActions } from './_components/lifecycle-actions';
import { RoutesSection } from './_components/routes-section';
import { TargetHealth } from './_components/target-health';
import { UpstreamForm } from './_components/upstream-form';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `API ${(await params).slug}` };
}

/** Every route of the API, page after page: an imported document can have hundreds. */
async function allRoutes(apiSlug: string, returnTo: string): Promise<TRouteResource[]> {
  const routes: TRouteResource[] = [];
  let cursor: string | undefined;
  do {
    const page = await readAsAdmin(listRoutes, { apiSlug, limit: 100, ...(cursor ? { cursor } : {}) }, returnTo);
    routes.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return routes;
}

export default async function AdminApiPage({ params }: Props) {
  const { slug } = await params;
  const returnTo = `/admin/apis/${slug}`;
  const api = await readAsAdmin(getApi, { slug }, returnTo).catch((error: unknown) => {
    const code = (error as { code?: string }).code;
    if (code === 'not_found' || code === 'invalid_params') notFound();
    throw error;
  });
  const [routes, upstream] = await Promise.all([allRoutes(slug, returnTo), readAsAdmin(getUpstream, { apiSlug: slug }, returnTo)]);
  return (
    <div className="grid gap-6 [&>*]:min-w-0">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link href="/admin/apis" className="hover:text-foreground hover:underline">
          APIs
        </Link>{' '}
        / <span className="text-foreground">{api.slug}</span>
      </nav>
      <PageHeader
        title={api.name}
        className="mb-0"
        description={
          <span className="flex flex-wrap items-center gap-2">
            <ApiStatusBadge status={api.status} />
            <code className="font-mono text-xs">{api.basePath}</code>
            <span>· {api.visibility}</span>
            {api.sunsetAt ? <span>· sunset {api.sunsetAt.slice(0, 10)}</span> : null}
          </span>
        }
        actions={<LifecycleActions slug={api.slug} status={api.status} />}
      />
      <Card title="Settings" description="What the portal shows and where the gateway serves it.">
        <ApiEditForm api={api} />
      </Card>
      <RoutesSection apiSlug={api.slug} basePath={api.basePath} routes={routes} versions={[...new Set(upstream?.targets.flatMap((target) => (target.version ? [target.version] : [])) ?? [])]} />
      <Card title="Upstream" description="Where the gateway forwards requests, and how it spreads them across targets.">
        <div className="grid gap-6 [&>*]:min-w-0">
          <UpstreamForm apiSlug={api.slug} upstream={upstream} />
          <TargetHealth health={upstream?.health ?? []} />
        </div>
      </Card>
      <Card title="Delete this API" description="Removes the API with its routes and upstream. An API with subscriptions cannot be deleted: retire it instead.">
        <DeleteApiButton slug={api.slug} />
      </Card>
    </div>
  );
}
