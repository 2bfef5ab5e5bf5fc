import { Badge, type BadgeTone } from '@tollgate/ui';

const TONES: Record<string, BadgeTone> = { '2': 'success', '3': 'info', '4': 'warning', '5': 'danger' };
const SHOWN = 3;

/** The statuses answered, most frequent first: the top three as badges with their share, the rest counted. */
export function StatusMix({ statuses }: { statuses: Record<string, number> }) {
  const entries = Object.entries(statuses).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return <span className="text-muted-foreground">—</span>;
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  return (
    <span className="flex flex-wrap items-center gap-1" title={entries.map(([status, count]) => `${status}: ${count.toLocaleString('en')}`).join(', ')}>
      {entries.slice(0, SHOWN).map(([status, count]) => (
        <Badge key={status} tone={TONES[status.charAt(0)] ?? 'neutral'} className="tabular-nums">
          {status} · {Math.round((count / total) * 100)}%
        </Badge>
      ))}
      {entries.length > SHOWN ? <span className="text-xs text-muted-foreground">+{entries.length - SHOWN}</span> : null}
    </span>
  );
}
