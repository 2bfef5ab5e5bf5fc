import { Badge, type BadgeTone } from '@tollgate/ui';

const TONE: Record<string, BadgeTone> = { published: 'success', draft: 'neutral', deprecated: 'warning', retired: 'danger' };

export function ApiStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONE[status] ?? 'neutral'}>{status}</Badge>;
}
