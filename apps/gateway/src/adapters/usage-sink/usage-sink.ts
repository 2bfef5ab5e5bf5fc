import { copySafeText, createUsageStore, type UsageStore } from '@tollgate/db';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { lockSpoolDirectory, readSpoolId } from './spool-directory';
import { SpoolWriter } from './spool-writer';
import { UsageFlusher } from './usage-flusher';
import { type FoldedEvent, UsageFold } from './usage-fold';
import { createUsageMetrics, type UsageMetrics } from './usage-metrics';

/** Where the request path hands usage events (framed spool lines). */
export interface UsageSink {
  /** The gateway instance written into every event. */
  readonly gatewayId: string;
  /**
   * Queues one line and calls `then` once it is durable against a process crash (the
   * caller ends the response in `then`). Lines of one event-loop turn share one write.
   */
  append(line: string, then?: () => void): void;
  /**
   * Counts one request into the row of its client address, route, status and minute
   * (UsageFold), written once that minute closes, instead of a line of its own.
   */
  fold(event: FoldedEvent): void;
  close(): Promise<void>;
}

/** Whether usage events can be written now; the metering guard refuses billable requests while they cannot. */
export interface SpoolHealth {
  /** The spool's disk refused a write and has not had room since. */
  readonly diskFull: boolean;
  /** Counts a billable request refused because of it. */
  shed(): void;
}

/** Queued lines are written at the end of the event-loop turn, or at once past this size. */
const WRITE_AT_CHARS = 256 * 1024;
/** Folded rows held at once (each a client address, route and status in the current minute). */
const FOLD_MAX_ROWS = 10_000;

export interface SpoolUsageSinkOptions {
  readonly dir: string;
  readonly gatewayId: string;
  readonly databaseUrl: string;
  readonly maxBytes: number;
  readonly segmentBytes?: number;
  readonly fsyncMs: number;
  readonly flushMs: number;
  readonly batchEvents: number;
  /** Days of raw request log kept (whole days: partitions are dropped); 0 keeps every day. */
  readonly retentionDays: number;
  readonly retentionIntervalMs?: number;
  readonly shutdownTimeoutMs: number;
  readonly log: Logger;
  readonly registry: Registry;
  /** Folded rows held at once (default 10,000). */
  readonly foldMaxRows?: number;
  /** For tests and benchmarks: a store of one's own. */
  readonly store?: UsageStore;
}

/** The gateway's usage sink: a local spool (synchronous appends) drained into PostgreSQL by a flusher. */
export class SpoolUsageSink implements UsageSink, SpoolHealth {
  readonly gatewayId: string;
  readonly writer: SpoolWriter;
  readonly flusher: UsageFlusher;
  readonly #store: UsageStore;
  readonly #unlock: () => void;
  readonly #log: Logger;
  readonly #fold: UsageFold;
  readonly #metrics: UsageMetrics;
  #pending = 0;
  /** Lines appended this event-loop turn, and the responses that end once they are written. */
  #queued = '';
  #queuedCount = 0;
  #waiting: Array<() => void> = [];
  #writeScheduled = false;
  #running: Promise<boolean> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #retentionTimer: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(private readonly options: SpoolUsageSinkOptions) {
    this.gatewayId = copySafeText(options.gatewayId) || 'gateway';
    this.#log = options.log.child({ component: 'usage' });
    this.#unlock = lockSpoolDirectory(options.dir);
    const metrics = createUsageMetrics(options.registry);
    this.#metrics = metrics;
    this.#store = options.store ?? createUsageStore(options.databaseUrl, { onError: (error) => this.#log.debug({ err: error }, 'usage store connection lost') });
    this.writer = new SpoolWriter({
      dir: options.dir,
      maxBytes: options.maxBytes,
      segmentBytes: options.segmentBytes ?? 64 * 1024 * 1024,
      fsyncMs: options.fsyncMs,
      log: this.#log,
      metrics,
    });
    this.flusher = new UsageFlusher({
      dir: options.dir,
      spoolId: readSpoolId(options.dir),
      gatewayId: this.gatewayId,
      writer: this.writer,
      store: this.#store,
      batchEvents: options.batchEvents,
      log: this.#log,
      metrics,
    });
    this.#fold = new UsageFold({ gatewayId: this.gatewayId, maxRows: options.foldMaxRows ?? FOLD_MAX_ROWS, emit: (line) => this.append(line) });
    this.#schedule();
    const every = options.retentionIntervalMs ?? 3_600_000;
    this.#retentionTimer = setTimeout(() => void this.#maintainRequestLog(every), Math.min(60_000, every));
    this.#retentionTimer.unref();
  }

  append(line: string, then?: () => void): void {
    this.#queued += line;
    this.#queuedCount++;
    if (then !== undefined) this.#waiting.push(then);
    if (this.#queued.length >= WRITE_AT_CHARS) this.#writeQueued();
    else if (!this.#writeScheduled) {
      this.#writeScheduled = true;
      setImmediate(this.#writeQueued);
    }
  }

  fold(event: FoldedEvent): void {
    this.#fold.add(event);
  }

  get diskFull(): boolean {
    return this.writer.diskFull;
  }

  shed(): void {
    this.#metrics.shed.inc();
  }

  /** One write(2) for the lines queued this turn, then the responses waiting for them end. */
  readonly #writeQueued = (): void => {
    this.#writeScheduled = false;
    const count = this.#queuedCount;
    if (count === 0) return;
    const lines = this.#queued;
    const waiting = this.#waiting;
    this.#queued = '';
    this.#queuedCount = 0;
    this.#waiting = [];
    if (this.writer.append(lines, count)) {
      this.#pending += count;
      if (this.#pending >= this.options.batchEvents && this.#running === null && !this.#closed) void this.flushNow();
    }
    for (const then of waiting) {
      try {
        then();
      } catch (error) {
        // One response failing to end must not keep the others waiting.
        this.#log.error({ err: error }, 'ending a response after its usage event was written failed');
      }
    }
  };

  /** Flushes what the spool holds now (waits for a flush already running first). */
  async flushNow(): Promise<boolean> {
    this.#writeQueued();
    while (this.#running !== null) await this.#running;
    this.#pending = 0;
    this.#running = this.flusher.flush();
    try {
      return await this.#running;
    } finally {
      this.#running = null;
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#fold.drain();
    this.#writeQueued();
    this.#closed = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    if (this.#retentionTimer !== null) clearTimeout(this.#retentionTimer);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), this.options.shutdownTimeoutMs)));
    const flushed = await Promise.race([this.flushNow(), late]);
    clearTimeout(timer);
    if (!flushed) this.#log.warn({ spoolBytes: this.writer.diskBytes, dir: this.options.dir }, 'usage events left in the spool at shutdown: the next start flushes them');
    else this.#log.info('usage spool flushed');
    this.writer.close();
    this.#unlock();
    if (this.options.store === undefined) await this.#store.close().catch(() => {});
  }

  #schedule(): void {
    if (this.#closed) return;
    this.#timer = setTimeout(() => {
      void this.flushNow().finally(() => this.#schedule());
    }, this.options.flushMs);
    this.#timer.unref();
  }

  /** Hourly: the request log's coming days get their partitions, days past the retention are dropped. */
  async #maintainRequestLog(every: number): Promise<void> {
    try {
      const { dropped, created } = await this.#store.maintainRequestLog({ retentionDays: this.options.retentionDays });
      if (dropped.length > 0 || created > 0) this.#log.info({ dropped, created, retentionDays: this.options.retentionDays }, 'request log partitions maintained');
    } catch (error) {
      this.#log.warn({ err: error }, 'request log maintenance failed; retried at the next run');
    }
    if (this.#closed) return;
    this.#retentionTimer = setTimeout(() => void this.#maintainRequestLog(every), every);
    this.#retentionTimer.unref();
  }
}
