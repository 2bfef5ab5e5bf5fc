import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { env } from '@/env';
import { listCatalogApis } from '@/server/apis/list-catalog-apis';
import { ApiCard } from './_components/api-card';

export default async function LandingPage() {
  const apis = await listCatalogApis();
  return (
    <div className="space-y-12">
      <section className="rounded-2xl bg-gradient-to-br from-indigo-600 to-indigo-800 px-8 py-12 text-white shadow-sm">
        <p className="text-sm font-medium text-indigo-200">Developer portal</p>
        <h1 className="mt-2 max-w-2xl text-3xl font-semibold tracking-tight">Build on our APIs</h1>
        <p className="mt-3 max-w-2xl text-indigo-100">
          Browse the catalog, create an app for your team, subscribe it to a plan and call the APIs through the gateway with your key.
        </p>
        <div className="mt-6 flex gap-3">
          <Link href="/apis" className="rounded-md bg-white px-4 py-2 text-sm font-semibold text-indigo-700 hover:bg-indigo-50">
            Browse APIs
          </Link>
          <Link href="/apps" className="rounded-md px-4 py-2 text-sm font-semibold text-white ring-1 ring-inset ring-white/40 hover:bg-white/10">
            Your apps
          </Link>
        </div>
      </section>

      <section aria-labelledby="catalog">
        <h2 id="catalog" className="text-lg font-semibold text-slate-900">
          API catalog
        </h2>
        <p className="mt-1 text-sm text-slate-600">Every public, published API and its path on the gateway.</p>
        <div className="mt-6">
          {apis.length === 0 ? (
            <EmptyState title="No APIs published yet">Admins publish APIs in the console or with `npx tollgate apply`.</EmptyState>
          ) : (
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {apis.map((api) => (
                <ApiCard key={api.slug} api={api} gatewayUrl={env.GATEWAY_PUBLIC_URL} />
              ))}
            </div>
          )}
        </div>
      </section>
    </div>
  );
}
