import { daysInMonth, fromLocalTime, toLocalTime, type LocalTime } from '../time/zoned-time';

export type QuotaPer = 'day' | 'month';

export interface QuotaPeriodInput {
  nowMs: number;
  per: QuotaPer;
  /** Start of the subscription's first period; later periods repeat from its wall-clock time. */
  anchorMs: number;
  /** IANA time zone the anchor's wall-clock time is read in. */
  timeZone: string;
}

export interface QuotaPeriod {
  /** Inclusive, ms since the epoch. */
  startMs: number;
  /** Exclusive. */
  endMs: number;
}

/**
 * The calendar period that holds `nowMs`. Monthly periods start on the anchor's day of
 * the month (the last day in shorter months) at the anchor's time of day, in the
 * subscription's time zone; daily periods start each day at the anchor's time of day.
 * DST follows the zone: a day can be 23 or 25 hours long.
 */
export function quotaPeriod({ nowMs, per, anchorMs, timeZone }: QuotaPeriodInput): QuotaPeriod {
  const anchor = toLocalTime(anchorMs, timeZone);
  const now = toLocalTime(nowMs, timeZone);
  const startAt = per === 'month' ? (offset: number) => monthStart(anchor, now, offset, timeZone) : (offset: number) => dayStart(anchor, now, offset, timeZone);
  let offset = 0;
  let start = startAt(0);
  if (start > nowMs) start = startAt((offset = -1));
  return { startMs: start, endMs: startAt(offset + 1) };
}

function monthStart(anchor: LocalTime, now: LocalTime, offset: number, timeZone: string): number {
  const index = now.year * 12 + (now.month - 1) + offset;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return fromLocalTime({ ...anchor, year, month, day: Math.min(anchor.day, daysInMonth(year, month)) }, timeZone);
}

function dayStart(anchor: LocalTime, now: LocalTime, offset: number, timeZone: string): number {
  const date = new Date(Date.UTC(now.year, now.month - 1, now.day + offset));
  return fromLocalTime({ ...anchor, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }, timeZone);
}
