import { emptyOutcomeCounts, LATENCY_BUCKET_COUNT, storedOutcome, type OutcomeCounts } from '@tollgate/domain';
import { latencyPercentiles, type LatencyPercentiles } from './latency-percentiles';
import { addHistogram, histogramOf } from './rollup-sql';

/** Counts by outcome with their merged latency histogram. */
export interface AnalyticsTotals extends OutcomeCounts {
  requests: number;
  units: number;
  /** Calls that were not a success: client and server errors and the gateway's refusals. */
  errors: number;
  /** errors / requests, null without calls. */
  errorRate: number | null;
  latencyMs: LatencyPercentiles;
}

/** One group of rollup rows: an outcome's calls, units and latency histogram. */
export interface OutcomeRow {
  outcome: string;
  requests: bigint;
  units: bigint;
  buckets: ReadonlyArray<bigint | number | null>;
}

/** Sums rows of any grouping into totals; an outcome this code does not know counts as a client error. */
export class TotalsBuilder {
  private readonly counts: OutcomeCounts = emptyOutcomeCounts();
  private readonly histogram = new Array<number>(LATENCY_BUCKET_COUNT).fill(0);
  private requests = 0;
  private units = 0;

  add(row: OutcomeRow): void {
    const requests = Number(row.requests);
    this.counts[storedOutcome(row.outcome)] += requests;
    this.requests += requests;
    this.units += Number(row.units);
    addHistogram(this.histogram, histogramOf(row.buckets));
  }

  build(): AnalyticsTotals {
    const errors = this.requests - this.counts.success;
    return {
      ...this.counts,
      requests: this.requests,
      units: this.units,
      errors,
      errorRate: this.requests === 0 ? null : errors / this.requests,
      latencyMs: latencyPercentiles(this.histogram),
    };
  }
}
