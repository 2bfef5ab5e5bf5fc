'use client';

import type { OutcomeCounts, UsageOutcome } from '@tollgate/domain';
import { useRouter } from 'next/navigation';
import { StackedTimeChart, type ChartSeries } from '@/components/charts/stacked-time-chart';

export interface OutcomeChartProps {
  series: ReadonlyArray<{ start: string } & OutcomeCounts>;
  outcomes: ReadonlyArray<ChartSeries<UsageOutcome>>;
  bucketMs: number;
  label: string;
  /** Clicking a bucket opens this page with `from` and `to` set to the bucket (the request log, filtered). */
  drillDown?: { path: string; params: Record<string, string> };
}

/** Calls per bucket stacked by outcome; with `drillDown`, a click on a bucket opens its requests. */
export function OutcomeChart({ series, outcomes, bucketMs, label, drillDown }: OutcomeChartProps) {
  const router = useRouter();
  const open = drillDown
    ? (start: string) => {
        const from = new Date(start);
        const params = new URLSearchParams({ ...drillDown.params, from: from.toISOString(), to: new Date(from.getTime() + bucketMs).toISOString() });
        router.push(`${drillDown.path}?${params}`);
      }
    : undefined;
  return <StackedTimeChart data={series} series={outcomes} bucketMs={bucketMs} label={label} onBucketClick={open} />;
}
