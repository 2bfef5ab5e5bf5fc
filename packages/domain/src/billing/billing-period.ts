import { daysInMonth, fromLocalTime, toLocalTime, type LocalTime } from '../time/zoned-time';

export interface BillingPeriod {
  /** 0 for the period that starts at the anchor, 1 for the next, -1 before it. */
  index: number;
  /** Inclusive. */
  start: Date;
  /** Exclusive: the next period's start. */
  end: Date;
}

/**
 * Start of the `index`-th monthly period after `anchor`, read as wall-clock time in
 * `timeZone`. Every period starts on the anchor's day of month at the anchor's time of
 * day; in a month without that day it starts on the month's last day (an anchor on
 * Jan 31 gives Feb 28 or 29, then Mar 31 again: the day is never lost).
 */
export function periodStart(anchor: Date, timeZone: string, index: number): Date {
  const wall = toLocalTime(anchor.getTime(), timeZone);
  const monthIndex = wall.year * 12 + (wall.month - 1) + index;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const day = Math.min(wall.day, daysInMonth(year, month));
  const target: LocalTime = { ...wall, year, month, day };
  return new Date(fromLocalTime(target, timeZone));
}

export function billingPeriodByIndex(anchor: Date, timeZone: string, index: number): BillingPeriod {
  return { index, start: periodStart(anchor, timeZone, index), end: periodStart(anchor, timeZone, index + 1) };
}

/** The monthly billing period that contains `at` (start <= at < end). */
export function billingPeriodAt(anchor: Date, timeZone: string, at: Date): BillingPeriod {
  const anchorWall = toLocalTime(anchor.getTime(), timeZone);
  const atWall = toLocalTime(at.getTime(), timeZone);
  let index = (atWall.year - anchorWall.year) * 12 + (atWall.month - anchorWall.month);
  while (periodStart(anchor, timeZone, index).getTime() > at.getTime()) index -= 1;
  while (periodStart(anchor, timeZone, index + 1).getTime() <= at.getTime()) index += 1;
  return billingPeriodByIndex(anchor, timeZone, index);
}

/**
 * Periods that ended at or before `until`, from the one containing `from` onwards, at
 * most `limit` of them (oldest first).
 */
export function endedBillingPeriods(anchor: Date, timeZone: string, from: Date, until: Date, limit = 120): BillingPeriod[] {
  const periods: BillingPeriod[] = [];
  let period = billingPeriodAt(anchor, timeZone, from.getTime() < anchor.getTime() ? anchor : from);
  while (period.end.getTime() <= until.getTime() && periods.length < limit) {
    periods.push(period);
    period = billingPeriodByIndex(anchor, timeZone, period.index + 1);
  }
  return periods;
}
