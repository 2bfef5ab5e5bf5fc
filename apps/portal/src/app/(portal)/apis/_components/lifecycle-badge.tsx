import type { CatalogApi } from '@tollgate/operations';
import { Badge } from '@tollgate/ui';

/** Published, or deprecated with the date it stops answering. */
export function LifecycleBadge({ api }: { api: Pick<CatalogApi, 'status' | 'sunsetAt'> }) {
  if (api.status === 'published') return <Badge tone="success">Published</Badge>;
  return <Badge tone="warning">{api.sunsetAt ? `Deprecated · sunset ${api.sunsetAt.slice(0, 10)}` : 'Deprecated'}</Badge>;
}
