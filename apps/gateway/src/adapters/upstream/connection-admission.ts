import { TollgateError } from '@tollgate/errors';
import type { Pool } from 'undici';

export interface AdmissionPolicy {
  /** Longest wait for a free connection when every one is busy (ms). */
  readonly queueTimeoutMs: number;
  /** Share of the connections one consumer or one client address may hold or wait for (1: no cap). */
  readonly clientShare: number;
}

/** A request waiting for a connection; `cancel` gives up its place (the client left). */
export interface PendingAdmission {
  readonly granted: Promise<void>;
  cancel(): void;
}

interface Waiter {
  readonly consumer: string | null;
  readonly address: string;
  resolve(): void;
  reject(error: TollgateError): void;
  timer: NodeJS.Timeout;
}

export function upstreamBusy(waitedMs: number): TollgateError {
  return new TollgateError('upstream_busy', {
    detail: `Every connection to the upstream stayed busy for ${waitedMs} ms; try again shortly.`,
    headers: { 'retry-after': '1' },
  });
}

export function concurrencyLimited(who: 'consumer' | 'client address'): TollgateError {
  return new TollgateError('concurrency_limited', {
    detail: `This ${who} has as many requests in flight to the upstream as it may; try again when one has finished.`,
    headers: { 'retry-after': '1' },
  });
}

/**
 * Admission to one undici pool: at most `capacity` requests hold its connections (the
 * pool's size, pipelining 1), so undici's own queue, which has no bound, stays empty.
 * When all are held a request waits in FIFO order for at most `queueTimeoutMs`, then
 * gets 503 upstream_busy. One consumer and one client address may hold or wait for at
 * most `clientShare` of the capacity; past it a request is refused at once with 429.
 * Neither refusal says anything about the upstream's health.
 */
export class ConnectionAdmission {
  static readonly #pools = new WeakMap<Pool, ConnectionAdmission>();

  /** Gives a pool its admission, with as many slots as the pool has connections. */
  static attach(pool: Pool, capacity: number): void {
    ConnectionAdmission.#pools.set(pool, new ConnectionAdmission(capacity));
  }

  /** The admission of a pool; a pool nobody attached one to (unit tests) gets one without a bound. */
  static of(pool: Pool): ConnectionAdmission {
    let admission = ConnectionAdmission.#pools.get(pool);
    if (admission === undefined) ConnectionAdmission.#pools.set(pool, (admission = new ConnectionAdmission(Infinity)));
    return admission;
  }

  #held = 0;
  readonly #waiting = new Set<Waiter>();
  readonly #byConsumer = new Map<string, number>();
  readonly #byAddress = new Map<string, number>();

  constructor(readonly capacity: number) {}

  get held(): number {
    return this.#held;
  }

  get waiting(): number {
    return this.#waiting.size;
  }

  /**
   * Takes a connection slot for a request of `consumer` (app id, null when anonymous)
   * from `address`: null when one was free, a pending admission when the request must
   * wait. Throws concurrency_limited when either is over its share.
   */
  acquire(consumer: string | null, address: string, policy: AdmissionPolicy): PendingAdmission | null {
    const cap = this.#cap(policy);
    if (cap < this.capacity) {
      if (consumer !== null && (this.#byConsumer.get(consumer) ?? 0) >= cap) throw concurrencyLimited('consumer');
      if ((this.#byAddress.get(address) ?? 0) >= cap) throw concurrencyLimited('client address');
      if (consumer !== null) bump(this.#byConsumer, consumer, 1);
      bump(this.#byAddress, address, 1);
    }
    if (this.#held < this.capacity) {
      this.#held++;
      return null;
    }
    let waiter!: Waiter;
    const granted = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#leave(waiter, policy);
        reject(upstreamBusy(policy.queueTimeoutMs));
      }, policy.queueTimeoutMs);
      waiter = { consumer, address, resolve, reject, timer };
    });
    this.#waiting.add(waiter);
    return { granted, cancel: () => this.#leave(waiter, policy) };
  }

  /** Gives a slot back (the exchange is over): the longest waiter takes it. */
  release(consumer: string | null, address: string, policy: AdmissionPolicy): void {
    this.#uncount(consumer, address, policy);
    const next = this.#waiting.values().next();
    if (next.done === true) {
      this.#held--;
      return;
    }
    const waiter = next.value;
    this.#waiting.delete(waiter);
    clearTimeout(waiter.timer);
    waiter.resolve();
  }

  #leave(waiter: Waiter, policy: AdmissionPolicy): void {
    if (!this.#waiting.delete(waiter)) return;
    clearTimeout(waiter.timer);
    this.#uncount(waiter.consumer, waiter.address, policy);
  }

  #uncount(consumer: string | null, address: string, policy: AdmissionPolicy): void {
    if (this.#cap(policy) >= this.capacity) return;
    if (consumer !== null) bump(this.#byConsumer, consumer, -1);
    bump(this.#byAddress, address, -1);
  }

  #cap(policy: AdmissionPolicy): number {
    return policy.clientShare >= 1 ? this.capacity : Math.max(1, Math.floor(this.capacity * policy.clientShare));
  }
}

function bump(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next <= 0) counts.delete(key);
  else counts.set(key, next);
}
