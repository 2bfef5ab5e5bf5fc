'use client';

import { USAGE_RANGES, type TUsageRange } from '@tollgate/contracts';
import { cn, focusRing } from '@tollgate/ui';
import { useQueryStates } from 'nuqs';
import { useTransition } from 'react';
import { analyticsSearchParams } from './analytics-search-params';

const LABELS: Record<TUsageRange, string> = { '15m': '15 m', '1h': '1 h', '24h': '24 h', '7d': '7 d', '30d': '30 d' };

/** The named ranges; picking one drops a custom from/to. The URL holds the choice. */
export function RangeButtons({ current }: { current: TUsageRange | 'custom' }) {
  const [pending, startTransition] = useTransition();
  const [, setView] = useQueryStates(analyticsSearchParams, { shallow: false, startTransition, history: 'push', scroll: false });
  return (
    <div role="group" aria-label="Time range" aria-busy={pending} className="inline-flex flex-wrap items-center gap-1 rounded-lg bg-muted p-1">
      {USAGE_RANGES.map((value) => (
        <button
          key={value}
          type="button"
          aria-pressed={current === value}
          onClick={() => void setView({ range: value, from: null, to: null })}
          className={cn(
            'rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground',
            current === value && 'bg-card text-foreground shadow-sm',
            focusRing,
          )}
        >
          <span className="sr-only">Last </span>
          {LABELS[value]}
        </button>
      ))}
      {current === 'custom' ? <span className="rounded-md bg-card px-3 py-1.5 text-sm font-medium text-foreground shadow-sm">Custom</span> : null}
    </div>
  );
}
