import { describe, expect, it } from 'vitest';
import { billingPeriodAt, billingPeriodByIndex, endedBillingPeriods, periodStart } from './billing-period';
import { manualClock } from './clock';
import { fromLocalTime, toLocalTime } from '../time/zoned-time';

const iso = (at: Date | number) => new Date(at).toISOString();

describe('billing periods', () => {
  it('repeat monthly from the anchor in UTC', () => {
    const anchor = new Date('2026-01-15T10:00:00Z');
    const period = billingPeriodAt(anchor, 'UTC', new Date('2026-03-20T00:00:00Z'));
    expect(period.index).toBe(2);
    expect(iso(period.start)).toBe('2026-03-15T10:00:00.000Z');
    expect(iso(period.end)).toBe('2026-04-15T10:00:00.000Z');
  });

  it('start is inclusive and end exclusive at the boundary', () => {
    const anchor = new Date('2026-01-15T10:00:00Z');
    expect(billingPeriodAt(anchor, 'UTC', new Date('2026-02-15T10:00:00Z')).index).toBe(1);
    expect(billingPeriodAt(anchor, 'UTC', new Date('2026-02-15T09:59:59.999Z')).index).toBe(0);
  });

  it('an anchor on Jan 31 lands on the last day of short months and comes back to the 31st', () => {
    const anchor = new Date('2026-01-31T00:00:00Z');
    const starts = [0, 1, 2, 3, 4].map((index) => iso(periodStart(anchor, 'UTC', index)).slice(0, 10));
    expect(starts).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
    // leap year
    expect(iso(periodStart(new Date('2028-01-31T00:00:00Z'), 'UTC', 1)).slice(0, 10)).toBe('2028-02-29');
    // a moment on Mar 1 belongs to the period that started on Feb 28
    const period = billingPeriodAt(anchor, 'UTC', new Date('2026-03-01T12:00:00Z'));
    expect(iso(period.start)).toBe('2026-02-28T00:00:00.000Z');
    expect(iso(period.end)).toBe('2026-03-31T00:00:00.000Z');
  });

  it('follows the wall clock of the time zone across DST changes', () => {
    // Midnight on the 1st in New York: 05:00Z in winter, 04:00Z in summer.
    const anchor = new Date('2026-01-01T05:00:00Z');
    expect(iso(periodStart(anchor, 'America/New_York', 0))).toBe('2026-01-01T05:00:00.000Z');
    expect(iso(periodStart(anchor, 'America/New_York', 3))).toBe('2026-04-01T04:00:00.000Z');
    expect(iso(periodStart(anchor, 'America/New_York', 11))).toBe('2026-12-01T05:00:00.000Z');
    // In UTC the same anchor keeps 05:00Z all year.
    expect(iso(periodStart(anchor, 'UTC', 3))).toBe('2026-04-01T05:00:00.000Z');
  });

  it('a zone east of UTC puts the period start on the previous UTC day', () => {
    const anchor = new Date('2026-01-31T15:00:00Z'); // Feb 1, 00:00 in Tokyo
    const period = billingPeriodAt(anchor, 'Asia/Tokyo', new Date('2026-02-28T15:30:00Z')); // Mar 1, 00:30 Tokyo
    expect(period.index).toBe(1);
    expect(iso(period.start)).toBe('2026-02-28T15:00:00.000Z');
    expect(iso(period.end)).toBe('2026-03-31T15:00:00.000Z');
  });

  it('a month-end anchor in a zone uses the local last day', () => {
    // Jan 31, 09:00 in Berlin (08:00Z)
    const anchor = new Date('2026-01-31T08:00:00Z');
    expect(iso(periodStart(anchor, 'Europe/Berlin', 1))).toBe('2026-02-28T08:00:00.000Z');
    // Berlin is on summer time on Apr 30: 09:00 local is 07:00Z
    expect(iso(periodStart(anchor, 'Europe/Berlin', 3))).toBe('2026-04-30T07:00:00.000Z');
  });

  it('wall times skipped by DST move forward; repeated ones take the first occurrence', () => {
    const skipped = fromLocalTime({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0, millisecond: 0 }, 'Europe/Berlin');
    expect(iso(skipped)).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    const repeated = fromLocalTime({ year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0, millisecond: 0 }, 'Europe/Berlin');
    expect(iso(repeated)).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST, the first one
    expect(toLocalTime(repeated, 'Europe/Berlin').hour).toBe(2);
  });

  it('periods are contiguous: each end is the next start', () => {
    const anchor = new Date('2025-11-30T23:30:00Z');
    for (const zone of ['UTC', 'America/Los_Angeles', 'Australia/Sydney', 'Asia/Kolkata']) {
      for (let index = 0; index < 30; index += 1) {
        const period = billingPeriodByIndex(anchor, zone, index);
        expect(period.end.getTime()).toBe(billingPeriodByIndex(anchor, zone, index + 1).start.getTime());
        expect(period.end.getTime()).toBeGreaterThan(period.start.getTime());
        const middle = new Date((period.start.getTime() + period.end.getTime()) / 2);
        expect(billingPeriodAt(anchor, zone, middle).index).toBe(index);
      }
    }
  });

  it('lists the periods that ended by a moment given by the clock', () => {
    const clock = manualClock('2026-03-15T00:00:00Z');
    const anchor = new Date('2026-01-01T00:00:00Z');
    const ended = endedBillingPeriods(anchor, 'UTC', anchor, clock.now());
    expect(ended.map((period) => iso(period.start).slice(0, 7))).toEqual(['2026-01', '2026-02']);
    clock.set('2026-04-01T00:00:00Z');
    expect(endedBillingPeriods(anchor, 'UTC', anchor, clock.now())).toHaveLength(3);
    expect(endedBillingPeriods(anchor, 'UTC', new Date('2026-02-10T00:00:00Z'), clock.now())).toHaveLength(2);
  });
});
