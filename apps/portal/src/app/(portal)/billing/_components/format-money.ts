import { formatCents } from '@/lib/format';

/** Amounts arrive as strings of integer cents (bigints on the server). */
export function formatMoney(cents: string, currency: string): string {
  return formatCents(Number(cents), currency);
}

export const formatUnits = (units: string) => new Intl.NumberFormat('en-US').format(Number(units));

const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** A period as its first and last day (the end is exclusive). */
export function formatPeriod(start: string, end: string): string {
  return `${day.format(new Date(start))} – ${day.format(new Date(Date.parse(end) - 1))}`;
}
