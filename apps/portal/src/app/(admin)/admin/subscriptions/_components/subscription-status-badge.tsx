import type { TSubscriptionStatus } from '@tollgate/contracts';
import { Badge, type BadgeTone } from '@tollgate/ui';

const TONE: Record<TSubscriptionStatus, BadgeTone> = { pending: 'warning', active: 'success', suspended: 'danger', cancelled: 'neutral' };

export function SubscriptionStatusBadge({ status }: { status: TSubscriptionStatus }) {
  return <Badge tone={TONE[status]}>{status}</Badge>;
}
