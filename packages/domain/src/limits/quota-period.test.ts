import { describe, expect, it } from 'vitest';
import { quotaPeriod } from './quota-period';
import { fromLocalTime, toLocalTime } from '../time/zoned-time';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const period = (now: string, per: 'day' | 'month', anchor: string, timeZone = 'UTC') => {
  const p = quotaPeriod({ nowMs: at(now), per, anchorMs: at(anchor), timeZone });
  return [iso(p.startMs), iso(p.endMs)];
};

describe('quotaPeriod, monthly', () => {
  it('starts on the anchor day and time', () => {
    expect(period('2026-03-20T00:00:00Z', 'month', '2025-11-15T08:30:00Z')).toEqual(['2026-03-15T08:30:00.000Z', '2026-04-15T08:30:00.000Z']);
  });

  it('belongs to the previous month just before the anchor time', () => {
    expect(period('2026-03-15T08:29:59.999Z', 'month', '2025-11-15T08:30:00Z')).toEqual(['2026-02-15T08:30:00.000Z', '2026-03-15T08:30:00.000Z']);
    expect(period('2026-03-15T08:30:00.000Z', 'month', '2025-11-15T08:30:00Z')[0]).toBe('2026-03-15T08:30:00.000Z');
  });

  it('clamps the anchor day to the end of shorter months', () => {
    const anchor = '2026-01-31T00:00:00Z';
    expect(period('2026-02-10T00:00:00Z', 'month', anchor)).toEqual(['2026-01-31T00:00:00.000Z', '2026-02-28T00:00:00.000Z']);
    expect(period('2026-03-01T00:00:00Z', 'month', anchor)).toEqual(['2026-02-28T00:00:00.000Z', '2026-03-31T00:00:00.000Z']);
    expect(period('2028-02-29T12:00:00Z', 'month', anchor)).toEqual(['2028-02-29T00:00:00.000Z', '2028-03-31T00:00:00.000Z']);
  });

  it('crosses the year boundary', () => {
    expect(period('2026-01-02T00:00:00Z', 'month', '2020-05-05T00:00:00Z')).toEqual(['2025-12-05T00:00:00.000Z', '2026-01-05T00:00:00.000Z']);
  });

  it('reads the anchor in the subscription time zone', () => {
    // Anchor: 1 March 2026, 00:00 in New York (05:00Z, EST). The April period starts at
    // 00:00 New York time on 1 April, which is 04:00Z (EDT).
    const anchor = iso(fromLocalTime({ year: 2026, month: 3, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 }, 'America/New_York'));
    expect(anchor).toBe('2026-03-01T05:00:00.000Z');
    expect(period('2026-04-10T00:00:00Z', 'month', anchor, 'America/New_York')).toEqual(['2026-04-01T04:00:00.000Z', '2026-05-01T04:00:00.000Z']);
    // 31 March 23:00 in New York is 1 April 03:00Z: still the March period.
    expect(period('2026-04-01T03:00:00Z', 'month', anchor, 'America/New_York')).toEqual(['2026-03-01T05:00:00.000Z', '2026-04-01T04:00:00.000Z']);
  });
});

describe('quotaPeriod, daily', () => {
  it('starts each day at the anchor time of day', () => {
    expect(period('2026-06-10T05:00:00Z', 'day', '2026-01-01T06:00:00Z')).toEqual(['2026-06-09T06:00:00.000Z', '2026-06-10T06:00:00.000Z']);
    expect(period('2026-06-10T06:00:00Z', 'day', '2026-01-01T06:00:00Z')).toEqual(['2026-06-10T06:00:00.000Z', '2026-06-11T06:00:00.000Z']);
  });

  it('has 23 hours on the spring-forward day and 25 on the fall-back day', () => {
    const berlinMidnight = '2026-01-01T23:00:00Z'; // 2 January 00:00 in Berlin
    const spring = quotaPeriod({ nowMs: at('2026-03-29T12:00:00Z'), per: 'day', anchorMs: at(berlinMidnight), timeZone: 'Europe/Berlin' });
    expect([iso(spring.startMs), iso(spring.endMs)]).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    const fall = quotaPeriod({ nowMs: at('2026-10-25T12:00:00Z'), per: 'day', anchorMs: at(berlinMidnight), timeZone: 'Europe/Berlin' });
    expect((fall.endMs - fall.startMs) / 3_600_000).toBe(25);
  });

  it('moves an anchor time that does not exist on a spring-forward night past the jump', () => {
    const anchor = iso(fromLocalTime({ year: 2026, month: 1, day: 5, hour: 2, minute: 30, second: 0, millisecond: 0 }, 'Europe/Berlin'));
    const p = quotaPeriod({ nowMs: at('2026-03-29T12:00:00Z'), per: 'day', anchorMs: at(anchor), timeZone: 'Europe/Berlin' });
    expect(iso(p.startMs)).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(toLocalTime(p.endMs, 'Europe/Berlin')).toMatchObject({ day: 30, hour: 2, minute: 30 });
  });

  it('picks the earlier instant for a time that happens twice', () => {
    // 02:30 on 25 October 2026 in Berlin happens at 00:30Z (CEST) and 01:30Z (CET).
    expect(iso(fromLocalTime({ year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0, millisecond: 0 }, 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('contains now, and consecutive periods meet', () => {
    let now = at('2026-02-27T10:00:00Z');
    for (let i = 0; i < 60; i++) {
      const p = quotaPeriod({ nowMs: now, per: 'day', anchorMs: at('2025-07-01T21:15:00Z'), timeZone: 'Australia/Sydney' });
      expect(p.startMs).toBeLessThanOrEqual(now);
      expect(p.endMs).toBeGreaterThan(now);
      const next = quotaPeriod({ nowMs: p.endMs, per: 'day', anchorMs: at('2025-07-01T21:15:00Z'), timeZone: 'Australia/Sydney' });
      expect(next.startMs).toBe(p.endMs);
      now = p.endMs + 3_600_000 * 7;
    }
  });
});
