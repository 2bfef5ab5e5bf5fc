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
    const { startMs, endMs } = quotaPeriod({ nowMs, per, anchorMs: subscription.billingAnchorMs, timeZone: subscription.timeZone });
    const period = { anchorMs: subscription.billingAnchorMs, timeZone: subscription.timeZone, per, startMs, endMs };
    if (this.#periods.size > 100_000) this.#periods.clear();
    this.#periods.set(subscription.id, period);
    return period;
  }
}
