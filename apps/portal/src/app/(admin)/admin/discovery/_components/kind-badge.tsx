import type { TDiscoveryKind } from '@tollgate/contracts';
import { Badge, type BadgeTone } from '@tollgate/ui';
import { KIND_LABELS } from './discovery-table-params';

const TONE: Record<TDiscoveryKind, BadgeTone> = { shadow: 'danger', zombie: 'warning', 'undocumented-method': 'info', orphan: 'neutral' };

export function KindBadge({ kind }: { kind: TDiscoveryKind }) {
  return <Badge tone={TONE[kind]}>{KIND_LABELS[kind]}</Badge>;
}
