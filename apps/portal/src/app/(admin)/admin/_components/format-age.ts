const UNITS: [limit: number, divisor: number, unit: string][] = [
  [60, 1, 's'],
  [3600, 60, 'min'],
  [86_400, 3600, 'h'],
  [Infinity, 86_400, 'd'],
];

/** How long ago `iso` was, in the largest whole unit: "12 s ago", "3 min ago", "2 d ago". */
export function formatAge(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 2) return 'just now';
  const [, divisor, unit] = UNITS.find(([limit]) => seconds < limit) ?? UNITS[UNITS.length - 1]!;
  return `${Math.floor(seconds / divisor)} ${unit} ago`;
}

/** A fixed, unambiguous form of an instant: "2026-12-06 16:24:59 UTC". */
export function formatInstant(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
