'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatBucket } from './stacked-time-chart';

export interface LatencyPoint {
  start: string;
  latencyMs: { p50: number | null; p95: number | null; p99: number | null };
}

const LINES = [
  { key: 'p50', label: 'p50', color: 'var(--primary)' },
  { key: 'p95', label: 'p95', color: 'var(--warning)' },
  { key: 'p99', label: 'p99', color: 'var(--destructive)' },
] as const;

const ms = (value: number) => (value >= 1_000 ? `${value / 1_000} s` : `${value} ms`);

/**
 * Latency percentiles per bucket (upper bounds of the histogram buckets that hold them), a line
 * each with a dot per bucket; a bucket without calls is a gap, not a zero, so a lone bucket shows as its dot.
 */
export function LatencyChart({ data, bucketMs, label, height = 240 }: { data: readonly LatencyPoint[]; bucketMs: number; label: string; height?: number }) {
  const rows = data.map((point) => ({ start: point.start, ...point.latencyMs }));
  return (
    <figure role="img" aria-label={label} className="w-full min-w-0 overflow-hidden" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={{ width: 600, height }}>
        <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="start" tickFormatter={(value: string) => formatBucket(value, bucketMs)} minTickGap={32} stroke="var(--muted-foreground)" tick={{ fill: 'var(--muted-foreground)', fontSize: 12 }} tickLine={false} />
          <YAxis tickFormatter={ms} width={56} stroke="var(--muted-foreground)" tick={{ fill: 'var(--muted-foreground)', fontSize: 12 }} tickLine={false} axisLine={false} />
          <Tooltip
            labelFormatter={(value) => formatBucket(String(value), bucketMs, true)}
            formatter={(value) => (typeof value === 'number' ? `≤ ${ms(value)}` : '—')}
            contentStyle={{ background: 'var(--card)', border: '1px solid var(--border)', borderRadius: 8, color: 'var(--card-foreground)' }}
            labelStyle={{ color: 'var(--card-foreground)' }}
          />
          <Legend wrapperStyle={{ color: 'var(--muted-foreground)', fontSize: 12 }} />
          {LINES.map((line) => (
            <Line key={line.key} dataKey={line.key} name={line.label} stroke={line.color} fill={line.color} strokeWidth={2} dot={{ r: 3, strokeWidth: 0 }} connectNulls={false} type="monotone" isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
