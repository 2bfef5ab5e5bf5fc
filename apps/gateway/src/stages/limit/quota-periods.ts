import { quotaPeriod, type QuotaPer } from '@tollgate/domain';
import type { CompiledSubscription } from '../../config/compiled-snapshot.types';

interface CachedPeriod {
  anchorMs: number;
  timeZone: string;
  per: QuotaPer;
  startMs: number;
  endMs: number;
}

/**
 * Each subscription's current quota period, recomputed only when time leaves it (the
 * calendar maths reads time-zone rules, too slow for every request).
 */
export class QuotaPeriods {
  readonly #periods = new Map<string, CachedPeriod>();

  get(subscription: CompiledSubscription, per: QuotaPer, nowMs: number): CachedPeriod {
    const cached = this.#periods.get(subscription.id);
    if (
      cached !== undefined &&
      nowMs >= cached.startMs &&
      nowMs < cached.endMs &&
      cached.per === per &&
      cached.anchorMs === subscription.billingAnchorMs &&
      cached.timeZone === subscription.timeZone
    ) {
      return cached;
    }
    const { startMs, endMs } = periodIn(nowMs, per, subscription.billingAnchorMs, subscription.timeZone);
    const period = { anchorMs: subscription.billingAnchorMs, timeZone: subscription.timeZone, per, startMs, endMs };
    if (this.#periods.size > 100_000) this.#periods.clear();
    this.#periods.set(subscription.id, period);
    return period;
  }
}

/** A zone this runtime does not know (or a bad anchor) counts in UTC rather than failing the request. */
function periodIn(nowMs: number, per: QuotaPer, anchorMs: number, timeZone: string): { startMs: number; endMs: number } {
  try {
    if (Number.isFinite(anchorMs)) return quotaPeriod({ nowMs, per, anchorMs, timeZone });
  } catch {
    // fall through to UTC
  }
  return quotaPeriod({ nowMs, per, anchorMs: Number.isFinite(anchorMs) ? anchorMs : 0, timeZone: 'UTC' });
}
