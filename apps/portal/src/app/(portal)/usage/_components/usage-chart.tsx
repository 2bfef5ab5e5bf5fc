'use client';

import type { UsagePoint } from '@tollgate/operations';
import { StackedTimeChart, type ChartSeries } from '@/components/charts/stacked-time-chart';

type OutcomeKey = 'success' | 'clientError' | 'serverError';

const SERIES: ReadonlyArray<ChartSeries<OutcomeKey>> = [
  { key: 'success', label: 'Success', color: 'var(--success)' },
  { key: 'clientError', label: 'Client error', color: 'var(--warning)' },
  { key: 'serverError', label: 'Server error', color: 'var(--destructive)' },
];

export function UsageChart({ series, bucketMs, label }: { series: UsagePoint[]; bucketMs: number; label: string }) {
  return <StackedTimeChart data={series} series={SERIES} bucketMs={bucketMs} label={label} />;
}
