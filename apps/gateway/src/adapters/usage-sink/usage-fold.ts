import { randomUUID } from 'node:crypto';
import type { UsageOutcome } from '@tollgate/domain';
import { frameSpoolRecord, SPOOL_RECORD_VERSION } from './spool-record';

/** One request to fold: its request_log fields that vary or add up. Text is COPY-safe already. */
export interface FoldedEvent {
  readonly clientIp: string;
  readonly apiId: string;
  readonly routeKey: string;
  readonly status: number;
  readonly outcome: UsageOutcome;
  readonly method: string;
  readonly path: string;
  readonly latencyMs: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
}

interface FoldedRow {
  readonly first: FoldedEvent;
  /** ISO time of the first request; its minute is the row's minute. */
  readonly time: string;
  count: number;
  latencySumMs: number;
  bytesIn: number;
  bytesOut: number;
}

export interface UsageFoldOptions {
  readonly gatewayId: string;
  /** Most rows held at once; past it the oldest is written out early (a second row for its minute). */
  readonly maxRows: number;
  /** Writes one spool line (the sink's append). */
  readonly emit: (line: string) => void;
  readonly clock?: () => number;
}

const MINUTE_MS = 60_000;

/**
 * Requests folded into one request_log row per client address, route, status and
 * minute, with a count: what a flood of refused credentials leaves in the log instead
 * of a row each. A row is written when its minute closes (a timer at the minute's end,
 * or the first request of the next minute), when more than `maxRows` rows are held, and
 * on `drain()` (shutdown). The row carries the first request's id-less fields (method,
 * path), the sums of the bytes and the mean latency, and no app, key or units: such
 * requests are never billed. Held rows live in memory only, so a crash loses at most a
 * minute of them; billed requests never pass here.
 */
export class UsageFold {
  readonly #rows = new Map<string, FoldedRow>();
  readonly #clock: () => number;
  #minute = -1;
  #timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: UsageFoldOptions) {
    this.#clock = options.clock ?? Date.now;
  }

  /** Rows held, not yet written. */
  get size(): number {
    return this.#rows.size;
  }

  add(event: FoldedEvent): void {
    const now = this.#clock();
    const minute = Math.floor(now / MINUTE_MS);
    if (minute !== this.#minute) {
      this.drain();
      this.#minute = minute;
      this.#timer = setTimeout(() => this.drain(), (minute + 1) * MINUTE_MS - now + 50);
      this.#timer.unref();
    }
    // Tabs never occur in COPY-safe text, so the key is unambiguous.
    const key = `${event.clientIp}\t${event.apiId}\t${event.routeKey}\t${event.status}\t${event.outcome}`;
    let row = this.#rows.get(key);
    if (row === undefined) {
      if (this.#rows.size >= this.options.maxRows) this.#writeOldest();
      row = { first: event, time: new Date(now).toISOString(), count: 0, latencySumMs: 0, bytesIn: 0, bytesOut: 0 };
      this.#rows.set(key, row);
    }
    row.count++;
    row.latencySumMs += event.latencyMs;
    row.bytesIn += event.bytesIn;
    row.bytesOut += event.bytesOut;
  }

  /** Writes every held row. */
  drain(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#minute = -1;
    for (const row of this.#rows.values()) this.options.emit(this.#line(row));
    this.#rows.clear();
  }

  #writeOldest(): void {
    const [key, row] = this.#rows.entries().next().value!;
    this.#rows.delete(key);
    this.options.emit(this.#line(row));
  }

  /** The row as a spool line (request_log COPY order, see spool-record.ts). */
  #line(row: FoldedRow): string {
    const { first } = row;
    const latencyMs = Math.round((row.latencySumMs / row.count) * 1000) / 1000;
    return frameSpoolRecord(
      `${SPOOL_RECORD_VERSION}\t${randomUUID()}\t${row.time}\t${this.options.gatewayId}\t${first.apiId}\t${first.routeKey}\t\t\t\t\t${first.method}\t${first.path}\t` +
        `${first.status}\t${latencyMs}\t${row.bytesIn}\t${row.bytesOut}\t0\t${first.clientIp}\t${row.count}\t${first.outcome}\t`,
    );
  }
}
