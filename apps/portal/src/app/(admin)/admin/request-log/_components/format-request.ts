/** Milliseconds as people read them: "0.4 ms", "35 ms", "2.6 s". */
export function formatLatency(ms: number): string {
  if (ms < 10) return `${Number(ms.toFixed(1))} ms`;
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  return `${Number((ms / 1_000).toFixed(ms < 10_000 ? 2 : 1))} s`;
}

/** A byte count with its unit: "340 B", "12.5 KiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1_024) return `${bytes} B`;
  if (bytes < 1_048_576) return `${Number((bytes / 1_024).toFixed(1))} KiB`;
  return `${Number((bytes / 1_048_576).toFixed(1))} MiB`;
}
