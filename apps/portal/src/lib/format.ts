/** Money as the plan's currency, e.g. 4900 usd -> "$49.00". */
export function formatCents(cents: number, currency = 'usd'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
}

/** "10 / minute", or "unlimited" when no limit is set. */
export function formatLimit(requests: number | null, per: string | null): string {
  if (requests === null || per === null) return 'unlimited';
  return `${new Intl.NumberFormat('en-US').format(requests)} / ${per}`;
}

export function formatDate(date: Date | null): string {
  if (!date) return '—';
  return date.toISOString().slice(0, 10);
}
