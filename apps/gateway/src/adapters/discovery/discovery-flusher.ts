import type { Db } from '@tollgate/db';
import { CatalogCache, recordObservations, type DiscoveryObservation } from '@tollgate/operations';
import type { Logger } from 'pino';
import type { DiscoveryAggregator } from './discovery-aggregator';
import type { DiscoveryMetrics } from './discovery-metrics';

const WARN_EVERY_MS = 30_000;
/** Observations kept for a retry while PostgreSQL fails; older ones are dropped past this. */
const MAX_PENDING = 20_000;

/**
 * Moves the aggregator's counts into PostgreSQL on a timer, off the request path (the
 * same period as the usage flush). A failed flush keeps its observations for the next
 * one; stopping flushes once more.
 */
export class DiscoveryFlusher {
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #pending: DiscoveryObservation[] = [];
  #lastWarn = 0;
  readonly #catalog = new CatalogCache();

  constructor(
    private readonly options: { db: Db; aggregator: DiscoveryAggregator; intervalMs: number; log: Logger; metrics: DiscoveryMetrics },
  ) {}

  start(): void {
    this.#timer ??= setInterval(() => void this.flush(), this.options.intervalMs).unref();
  }

  /** Stores what was counted so far; resolves once it is in PostgreSQL (or failed and was kept). */
  flush(): Promise<void> {
    return (this.#running ??= this.#flushOnce().finally(() => (this.#running = null)));
  }

  async close(): Promise<void> {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
    await this.flush();
  }

  async #flushOnce(): Promise<void> {
    const batch = [...this.#pending, ...this.options.aggregator.drain()];
    this.#pending = [];
    if (batch.length === 0) return;
    try {
      await this.options.db.$transaction((tx) => recordObservations(tx, batch, { catalog: this.#catalog.load }), { timeout: 60_000, maxWait: 10_000 });
    } catch (error) {
      this.options.metrics.flushFailures.inc();
      this.#pending = batch.slice(-MAX_PENDING);
      const now = Date.now();
      if (now - this.#lastWarn >= WARN_EVERY_MS) {
        this.#lastWarn = now;
        this.options.log.warn({ err: error, observations: batch.length }, 'discovery flush failed: kept for the next flush');
      }
    }
  }
}
