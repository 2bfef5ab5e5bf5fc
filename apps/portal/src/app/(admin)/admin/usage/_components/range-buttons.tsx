'use client';

import type { TUsageRange } from '@tollgate/contracts';
import { useQueryStates } from 'nuqs';
import { useTransition } from 'react';
import { RangeToggle } from '@/components/usage/range-toggle';
import { analyticsSearchParams } from './analytics-search-params';

/** The named ranges; picking one drops a custom from/to. The URL holds the choice. */
export function RangeButtons({ current }: { current: TUsageRange | 'custom' }) {
  const [pending, startTransition] = useTransition();
  const [, setView] = useQueryStates(analyticsSearchParams, { shallow: false, startTransition, history: 'push', scroll: false });
  return <RangeToggle current={current} pending={pending} onPick={(range) => void setView({ range, from: null, to: null })} />;
}
