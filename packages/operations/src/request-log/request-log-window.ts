import { REQUEST_LOG_DEFAULT_SPAN_MS, type TRequestLogFilter } from '@tollgate/contracts';

export interface RequestLogWindow {
  from: Date;
  to: Date;
}

/**
 * The range a search reads, [from, to): the filter's own bounds, else the last 24 hours (or the
 * 24 hours beside the one bound given). Every search therefore bounds `time`, and PostgreSQL reads
 * only the daily partitions the range touches.
 */
export function requestLogWindow(filter: Pick<TRequestLogFilter, 'from' | 'to'>, now: Date): RequestLogWindow {
  if (filter.from && filter.to) return { from: new Date(filter.from), to: new Date(filter.to) };
  if (filter.from) {
    const from = new Date(filter.from);
    return { from, to: new Date(from.getTime() + REQUEST_LOG_DEFAULT_SPAN_MS) };
  }
  const to = filter.to ? new Date(filter.to) : now;
  return { from: new Date(to.getTime() - REQUEST_LOG_DEFAULT_SPAN_MS), to };
}
