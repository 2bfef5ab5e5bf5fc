export type { MsClock } from './clock';
export { systemMsClock } from './clock';
export { quotaPeriod, type QuotaPer, type QuotaPeriod, type QuotaPeriodInput } from './quota-period';
export { RATE_WINDOW_MS, windowStart, type RatePeriod } from './rate-window';
