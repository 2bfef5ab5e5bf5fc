import { Badge, type BadgeTone } from '@tollgate/ui';

const TONES: Record<number, BadgeTone> = { 1: 'neutral', 2: 'success', 3: 'info', 4: 'warning', 5: 'danger' };

/** The HTTP status, toned by its class; a folded row says how many refused requests it stands for. */
export function StatusBadge({ status, count }: { status: number; count: number }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <Badge tone={TONES[Math.floor(status / 100)] ?? 'neutral'} className="tabular-nums">
        {status}
      </Badge>
      {count > 1 ? (
        <span className="text-xs text-muted-foreground" title={`${count} refused requests from one address in one minute, recorded as one row`}>
          × {count.toLocaleString('en')}
        </span>
      ) : null}
    </span>
  );
}
