'use client';

import { USAGE_RANGES, type TUsageRange } from '@tollgate/contracts';
import { cn, focusRing } from '@tollgate/ui';
import { useQueryState } from 'nuqs';
import { useTransition } from 'react';
import { usageSearchParams } from './usage-search-params';

const LABELS: Record<TUsageRange, string> = { '15m': '15 m', '1h': '1 h', '24h': '24 h', '7d': '7 d', '30d': '30 d' };

/** The time range, kept in the URL (`?range=`); the server page reads the new range and redraws. */
export function RangePicker() {
  const [pending, startTransition] = useTransition();
  const [range, setRange] = useQueryState('range', usageSearchParams.range.withOptions({ shallow: false, startTransition, history: 'push' }));
  return (
    <div role="group" aria-label="Time range" aria-busy={pending} className="inline-flex items-center gap-1 rounded-lg bg-muted p-1">
      {USAGE_RANGES.map((value) => (
        <button
          key={value}
          type="button"
          aria-pressed={range === value}
          onClick={() => void setRange(value)}
          className={cn(
            'rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground',
            range === value && 'bg-card text-foreground shadow-sm',
            focusRing,
          )}
        >
          <span className="sr-only">Last </span>
          {LABELS[value]}
        </button>
      ))}
    </div>
  );
}
