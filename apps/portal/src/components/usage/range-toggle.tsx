'use client';

import { USAGE_RANGES, type TUsageRange } from '@tollgate/contracts';
import { cn, focusRing } from '@tollgate/ui';

const LABELS: Record<TUsageRange, string> = { '15m': '15 m', '1h': '1 h', '24h': '24 h', '7d': '7 d', '30d': '30 d' };
const SEGMENT = 'rounded-md px-3 py-1.5 text-sm font-medium';

/** The named time ranges as a pressed-button group (the usage pages keep the choice in the URL); `custom` shows when a from/to is in use. */
export function RangeToggle({ current, pending, onPick }: { current: TUsageRange | 'custom'; pending: boolean; onPick: (range: TUsageRange) => void }) {
  return (
    <div role="group" aria-label="Time range" aria-busy={pending} className="inline-flex flex-wrap items-center gap-1 rounded-lg bg-muted p-1">
      {USAGE_RANGES.map((value) => (
        <button
          key={value}
          type="button"
          aria-pressed={current === value}
          onClick={() => onPick(value)}
          className={cn(SEGMENT, 'text-muted-foreground transition-colors hover:text-foreground', current === value && 'bg-card text-foreground shadow-sm', focusRing)}
        >
          <span className="sr-only">Last </span>
          {LABELS[value]}
        </button>
      ))}
      {current === 'custom' ? <span className={cn(SEGMENT, 'bg-card text-foreground shadow-sm')}>Custom</span> : null}
    </div>
  );
}
