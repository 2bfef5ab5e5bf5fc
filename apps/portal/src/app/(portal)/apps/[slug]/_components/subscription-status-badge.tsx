import type { TSubscriptionStatus } from '@tollgate/contracts';
import { Badge, type BadgeTone } from '@tollgate/ui';

const LABEL: Record<TSubscriptionStatus, [label: string, tone: BadgeTone]> = {
  pending: ['Pending approval', 'warning'],
  active: ['Active', 'success'],
  suspended: ['Suspended', 'danger'],
  cancelled: ['Cancelled', 'neutral'],
};

/** A subscription's status as its team reads it: a pending one waits for an admin. */
export function SubscriptionStatusBadge({ status }: { status: TSubscriptionStatus }) {
  const [label, tone] = LABEL[status];
  return <Badge tone={tone}>{label}</Badge>;
}
