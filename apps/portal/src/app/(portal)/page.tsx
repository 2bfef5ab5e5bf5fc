import { listCatalogApis } from '@tollgate/operations';
import { EmptyState } from '@tollgate/ui';
import Link from 'next/link';
import { env } from '@/env';
import { readAsVisitor } from '@/lib/auth/developer-principal';
import { CatalogCard } from './apis/_components/catalog-card';

const STEPS = [
  { title: 'Create an account', body: 'Sign up with your email; your team is made for you.' },
  { title: 'Create an app', body: 'An app holds your subscriptions and keys.' },
  { title: 'Subscribe and get a key', body: 'Pick a plan; the key is shown once, copy it.' },
  { title: 'Make your first call', body: 'Try it from the API page, or paste the curl sample.' },
];

/** The portal's front door: what it is for, the four steps to a first call, and the newest APIs. */
export default async function LandingPage() {
  const { result: catalog, signedIn } = await readAsVisitor(listCatalogApis, {});
  const featured = catalog.items.slice(0, 6);
  return (
    <div className="grid gap-12">
      <section aria-labelledby="welcome" className="rounded-2xl border border-border bg-card px-6 py-10 shadow-sm sm:px-10">
        <p className="text-sm font-medium text-primary">Developer portal</p>
        <h1 id="welcome" className="mt-2 max-w-2xl text-3xl font-semibold tracking-tight text-card-foreground">
          Build on our APIs
        </h1>
        <p className="mt-3 max-w-2xl text-muted-foreground">
          Every API here is called through the gateway at <span className="font-mono text-foreground">{env.GATEWAY_PUBLIC_URL}</span> with a key of your own. Usage,
          quota and the bill are always on your pages.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link
            href={signedIn ? '/apps' : '/signup'}
            className="rounded-md bg-primary px-4 py-2 text-sm font-semibold text-primary-foreground hover:bg-primary/90 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            {signedIn ? 'Your apps' : 'Get started'}
          </Link>
          <Link href="/apis" className="rounded-md border border-border px-4 py-2 text-sm font-semibold text-foreground hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
            Browse APIs
          </Link>
        </div>
        <ol aria-label="From nothing to a first call" className="mt-10 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {STEPS.map((step, index) => (
            <li key={step.title} className="rounded-lg border border-border bg-background p-4">
              <p className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">Step {index + 1}</p>
              <p className="mt-1 font-medium text-foreground">{step.title}</p>
              <p className="mt-1 text-sm text-muted-foreground">{step.body}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="catalog" className="grid gap-4">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <div>
            <h2 id="catalog" className="text-lg font-semibold text-foreground">
              API catalog
            </h2>
            <p className="mt-1 text-sm text-muted-foreground">{catalog.items.length === 1 ? 'One API' : `${catalog.items.length} APIs`} you may call.</p>
          </div>
          {catalog.items.length > featured.length ? (
            <Link href="/apis" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
              All APIs
            </Link>
          ) : null}
        </div>
        {featured.length === 0 ? (
          <EmptyState title="No APIs published yet">Admins publish APIs in the console; they appear here once published.</EmptyState>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="APIs">
            {featured.map((api) => (
              <CatalogCard key={api.slug} api={api} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
