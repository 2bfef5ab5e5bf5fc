import type { TKeyState } from '@tollgate/contracts';
import { Badge, type BadgeTone } from '@tollgate/ui';

const TONE: Record<TKeyState, BadgeTone> = { active: 'success', expired: 'warning', revoked: 'danger' };

export function KeyStateBadge({ state }: { state: TKeyState }) {
  return <Badge tone={TONE[state]}>{state}</Badge>;
}
