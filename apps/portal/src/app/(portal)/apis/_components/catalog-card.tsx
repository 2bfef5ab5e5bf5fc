import type { CatalogApi } from '@tollgate/operations';
import { Badge } from '@tollgate/ui';
import Link from 'next/link';
import { LifecycleBadge } from './lifecycle-badge';

/** One API in the catalog grid; the whole card is one link to the API's page. */
export function CatalogCard({ api }: { api: CatalogApi }) {
  return (
    <li className="relative flex flex-col rounded-xl border border-border bg-card p-5 shadow-sm transition-colors focus-within:ring-2 focus-within:ring-ring hover:border-primary/40">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 className="text-base font-semibold text-card-foreground">
          <Link href={`/apis/${api.slug}`} className="outline-none after:absolute after:inset-0 after:content-['']">
            {api.name}
          </Link>
        </h2>
        <LifecycleBadge api={api} />
      </div>
      <p className="mt-1 font-mono text-xs text-muted-foreground">
        {api.basePath}
        {api.version ? ` · v${api.version}` : ''}
      </p>
      <p className="mt-3 line-clamp-3 flex-1 text-sm text-muted-foreground">{api.description || 'No description yet.'}</p>
      {api.tags.length > 0 || api.visibility === 'partner' ? (
        <ul className="mt-4 flex flex-wrap gap-1.5" aria-label={`Tags of ${api.name}`}>
          {api.visibility === 'partner' ? (
            <li>
              <Badge tone="info">Partners only</Badge>
            </li>
          ) : null}
          {api.tags.map((tag) => (
            <li key={tag}>
              <Badge>{tag}</Badge>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
