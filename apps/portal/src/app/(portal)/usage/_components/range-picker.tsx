'use client';

import { useQueryState } from 'nuqs';
import { useTransition } from 'react';
import { RangeToggle } from '@/components/usage/range-toggle';
import { usageSearchParams } from './usage-search-params';

/** The time range, kept in the URL (`?range=`); the server page reads the new range and redraws. */
export function RangePicker() {
  const [pending, startTransition] = useTransition();
  const [range, setRange] = useQueryState('range', usageSearchParams.range.withOptions({ shallow: false, startTransition, history: 'push' }));
  return <RangeToggle current={range} pending={pending} onPick={(value) => void setRange(value)} />;
}
