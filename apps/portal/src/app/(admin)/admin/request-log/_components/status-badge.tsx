import { USAGE_OUTCOME_LABELS, type UsageOutcome } from '@tollgate/domain';
import { Badge, type BadgeTone } from '@tollgate/ui';

const TONES: Record<number, BadgeTone> = { 1: 'neutral', 2: 'success', 3: 'info', 4: 'warning', 5: 'danger' };

/** Outcomes the status alone does not tell: the gateway's own refusals. */
const NAMED_OUTCOMES: ReadonlySet<UsageOutcome> = new Set(['rateLimited', 'overQuota', 'authFailed']);

/** The HTTP status, toned by its class, and the gateway's reason when it refused the call; a folded row says how many refused requests it stands for. */
export function StatusBadge({ status, count, outcome }: { status: number; count: number; outcome: UsageOutcome }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <Badge tone={TONES[Math.floor(status / 100)] ?? 'neutral'} className="tabular-nums">
        {status}
      </Badge>
      {NAMED_OUTCOMES.has(outcome) ? <span className="text-xs text-muted-foreground">{USAGE_OUTCOME_LABELS[outcome]}</span> : null}
      {count > 1 ? (
        <span className="text-xs text-muted-foreground" title={`${count} refused requests from one address in one minute, recorded as one row`}>
          × {count.toLocaleString('en')}
        </span>
      ) : null}
    </span>
  );
}
