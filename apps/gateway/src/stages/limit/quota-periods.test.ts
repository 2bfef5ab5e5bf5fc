import { describe, expect, it } from 'vitest';
import type { CompiledSubscription } from '../../config/compiled-snapshot.types';
import { QuotaPeriods } from './quota-periods';

const subscription = (timeZone: string, billingAnchorMs = Date.parse('2026-01-15T00:00:00Z')) => ({ id: `s-${timeZone}`, billingAnchorMs, timeZone }) as CompiledSubscription;

describe('QuotaPeriods', () => {
  it('keeps the period until time leaves it, then moves on', () => {
    const periods = new QuotaPeriods();
    const sub = subscription('UTC');
    const first = periods.get(sub, 'month', Date.parse('2026-03-20T00:00:00Z'));
    expect(new Date(first.startMs).toISOString()).toBe('2026-03-15T00:00:00.000Z');
    expect(periods.get(sub, 'month', Date.parse('2026-04-14T23:59:59Z'))).toBe(first);
    expect(new Date(periods.get(sub, 'month', Date.parse('2026-04-15T00:00:00Z')).startMs).toISOString()).toBe('2026-04-15T00:00:00.000Z');
  });

  it('counts in UTC when the time zone is unknown instead of failing the request', () => {
    const period = new QuotaPeriods().get(subscription('Mars/Olympus_Mons'), 'day', Date.parse('2026-03-20T10:00:00Z'));
    expect(new Date(period.startMs).toISOString()).toBe('2026-03-20T00:00:00.000Z');
  });
});
