/** A percentile read from the histograms is a bucket's upper bound: "≤ 25 ms". */
export function formatLatency(ms: number | null): string {
  if (ms === null) return '—';
  return ms >= 1_000 ? `≤ ${ms / 1_000} s` : `≤ ${ms} ms`;
}
