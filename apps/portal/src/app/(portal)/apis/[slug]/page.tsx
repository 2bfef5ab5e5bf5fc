import { listTryItKeys } from '@tollgate/operations';
import { Badge, EmptyState } from '@tollgate/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { env } from '@/env';
import { readAsVisitor } from '@/lib/auth/developer-principal';
import { notFoundOnMissing } from '@/lib/not-found-on-missing';
import { LifecycleBadge } from '../_components/lifecycle-badge';
import { ApiWorkbench } from './_components/api-workbench';
import { loadCatalogApi } from './_components/load-catalog-api';
import { PlansTable } from './_components/plans-table';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `API ${(await params).slug}` };
}

const isDocument = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export default async function CatalogApiPage({ params }: Props) {
  const { slug } = await params;
  const [{ result: page }, { result: keys, signedIn }] = await Promise.all([
    loadCatalogApi(slug),
    readAsVisitor(listTryItKeys, { slug }).catch(notFoundOnMissing),
  ]);
  const { api, plans } = page;
  const baseUrl = `${env.GATEWAY_PUBLIC_URL}${api.basePath}`;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-10">
      <div className="grid gap-3">
        <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
          <Link href="/apis" className="hover:text-foreground hover:underline">
            APIs
          </Link>
          <span aria-hidden="true"> / </span>
          <span aria-current="page">{api.name}</span>
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight text-foreground">{api.name}</h1>
          <LifecycleBadge api={api} />
          {api.visibility === 'partner' ? <Badge tone="info">Partners only</Badge> : null}
        </div>
        <p className="max-w-3xl text-sm text-muted-foreground">{api.description || 'No description yet.'}</p>
        <dl className="flex flex-wrap gap-x-8 gap-y-2 text-sm">
          <div>
            <dt className="text-muted-foreground">Base URL</dt>
            <dd className="break-all font-mono text-foreground">{baseUrl}</dd>
          </div>
          {api.version ? (
            <div>
              <dt className="text-muted-foreground">Version</dt>
              <dd className="text-foreground">{api.version}</dd>
            </div>
          ) : null}
          {api.tags.length > 0 ? (
            <div>
              <dt className="text-muted-foreground">Tags</dt>
              <dd className="flex flex-wrap gap-1.5 pt-0.5">
                {api.tags.map((tag) => (
                  <Link key={tag} href={`/apis?tag=${encodeURIComponent(tag)}`} className="rounded-md focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
                    <Badge>{tag}</Badge>
                  </Link>
                ))}
              </dd>
            </div>
          ) : null}
        </dl>
        {api.status === 'deprecated' ? (
          <p role="note" className="max-w-3xl rounded-lg border border-warning/30 bg-warning/10 px-4 py-3 text-sm text-foreground">
            This API is deprecated{api.sunsetAt ? ` and stops answering on ${api.sunsetAt.slice(0, 10)}` : ''}. The gateway announces it on every response with the
            Deprecation{api.sunsetAt ? ' and Sunset' : ''} headers.
          </p>
        ) : null}
      </div>
      <section aria-labelledby="plans" className="grid grid-cols-[minmax(0,1fr)] gap-4">
        <h2 id="plans" className="text-lg font-semibold text-foreground">
          Plans
        </h2>
        {plans.length === 0 ? <EmptyState title="No plans yet">An admin has not offered this API in a plan yet.</EmptyState> : <PlansTable plans={plans} apiName={api.name} />}
      </section>
      <ApiWorkbench baseUrl={baseUrl} keys={keys} signedIn={signedIn} returnTo={`/apis/${slug}`} document={isDocument(page.openapi) ? page.openapi : null} />
    </div>
  );
}
