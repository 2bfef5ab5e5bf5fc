/** What one reservation on a window counter returned. */
export interface Reservation {
  /** Units handed out (0 when fewer than `need` were left). */
  readonly granted: number;
  /** The counter after the reservation: units handed out in this window so far. */
  readonly count: number;
}

export interface ReserveRequest {
  /** Counter key; one per scope and window. */
  key: string;
  limit: number;
  /** Units wanted (a lease); the store may hand out fewer. */
  want: number;
  /** Units the caller cannot do without; nothing is handed out when fewer are left. */
  need: number;
  /** How long the counter lives: to the end of its window, plus a margin. */
  ttlMs: number;
}

/** Fixed-window counters: in Redis (shared by every instance) or in memory (this process). */
export interface CounterStore {
  readonly shared: boolean;
  /** Active instances sharing the counters (1 for an in-memory store). */
  readonly instances: number;
  /** Round trips made so far (for metrics and the benchmark). */
  readonly calls: number;
  /** The store's clock minus this process's (0 for an in-memory store): shared windows follow the store's time. */
  readonly clockOffsetMs: number;
  /** Commands sent and not yet answered (0 for an in-memory store). */
  readonly pendingCommands: number;
  reserve(request: ReserveRequest): Reservation | Promise<Reservation>;
  /** Gives back units reserved but never spent (an instance stopping, an idle lease). */
  release(key: string, units: number): void | Promise<void>;
  close(): Promise<void>;
}
