'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartSeries<TKey extends string> {
  key: TKey;
  label: string;
  /** A CSS colour, normally a theme token (`var(--success)`), so the chart follows dark mode. */
  color: string;
}

export interface StackedTimeChartProps<TKey extends string> {
  /** One row per bucket: `start` (ISO) and a number per series key. */
  data: ReadonlyArray<{ start: string } & Record<TKey, number>>;
  series: ReadonlyArray<ChartSeries<TKey>>;
  /** Bucket width: ticks show the time of day for short buckets, the date for days. */
  bucketMs: number;
  /** What the chart shows, for screen readers (the figures are also in a table or CSV). */
  label: string;
  height?: number;
  /** Called with a bucket's `start` when it is clicked (the chart then shows a pointer). */
  onBucketClick?: (start: string) => void;
}

const DAY = 86_400_000;

/**
 * The portal's one Recharts wrapper: stacked bars over time with theme colours (bars, not
 * areas: sparse traffic reads as calls in a bucket, not as interpolated slopes).
 * Every bucket is present in `data` (zeros included), so changing the range only changes
 * the rows, never the chart's shape.
 */
export function StackedTimeChart<TKey extends string>({ data, series, bucketMs, label, height = 280, onBucketClick }: StackedTimeChartProps<TKey>) {
  const tick = (value: string) => formatBucket(value, bucketMs);
  const click = onBucketClick
    ? (state: { activeTooltipIndex?: number | string | null; activeLabel?: string | number }) => {
        const point = state.activeTooltipIndex === null || state.activeTooltipIndex === undefined ? undefined : data[Number(state.activeTooltipIndex)];
        const start = point?.start ?? (state.activeLabel === undefined ? undefined : String(state.activeLabel));
        if (start) onBucketClick(start);
      }
    : undefined;
  return (
    <figure role="img" aria-label={label} className="w-full min-w-0 overflow-hidden" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={{ width: 600, height }}>
        <BarChart data={[...data]} barCategoryGap={1} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} onClick={click} style={click ? { cursor: 'pointer' } : undefined}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="start" tickFormatter={tick} minTickGap={32} stroke="var(--muted-foreground)" tick={{ fill: 'var(--muted-foreground)', fontSize: 12 }} tickLine={false} />
          <YAxis allowDecimals={false} stroke="var(--muted-foreground)" tick={{ fill: 'var(--muted-foreground)', fontSize: 12 }} tickLine={false} axisLine={false} />
          <Tooltip
            labelFormatter={(value) => formatBucket(String(value), bucketMs, true)}
            contentStyle={{ background: 'var(--card)', border: '1px solid var(--border)', borderRadius: 8, color: 'var(--card-foreground)' }}
            labelStyle={{ color: 'var(--card-foreground)' }}
            cursor={{ fill: 'var(--muted)' }}
          />
          <Legend itemSorter={null} wrapperStyle={{ color: 'var(--muted-foreground)', fontSize: 12 }} />
          {series.map((item) => (
            <Bar
              key={item.key}
              dataKey={item.key}
              name={item.label}
              stackId="stack"
              fill={item.color}
              isAnimationActive={false}
              onClick={onBucketClick ? (entry: { payload?: { start?: string } }) => void (entry.payload?.start && onBucketClick(entry.payload.start)) : undefined}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

export function formatBucket(iso: string, bucketMs: number, long = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions =
    bucketMs >= DAY ? { month: 'short', day: 'numeric' } : long || bucketMs >= 6 * 3_600_000 ? { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' } : { hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' }).format(date) + (long ? ' UTC' : '');
}
