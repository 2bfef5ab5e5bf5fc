import { Badge } from '@/components/badge';
import type { CatalogApi } from '@/server/apis/list-catalog-apis';

export function ApiCard({ api, gatewayUrl }: { api: CatalogApi; gatewayUrl: string }) {
  return (
    <article className="flex flex-col rounded-xl border border-border bg-card p-5 shadow-sm">
      <div className="flex items-start justify-between gap-3">
        <h3 className="text-base font-semibold text-card-foreground">{api.name}</h3>
        {api.status === 'deprecated' ? <Badge tone="amber">deprecated</Badge> : <Badge tone="green">published</Badge>}
      </div>
      <p className="mt-2 flex-1 text-sm text-muted-foreground">{api.description || 'No description yet.'}</p>
      <pre className="mt-4 overflow-x-auto rounded-lg bg-muted px-3 py-2 font-mono text-xs text-foreground">
        <code>{`curl ${gatewayUrl}${api.basePath} \\\n  -H "Authorization: Bearer $API_KEY"`}</code>
      </pre>
    </article>
  );
}
