import type { Redis } from 'ioredis';
import type { CounterStore, Reservation, ReserveRequest } from './counter-store';

const HEARTBEAT_MS = 2_000;
const INSTANCE_TTL_MS = 3 * HEARTBEAT_MS;
/** Clock readings kept; the one with the shortest round trip sets the offset. */
const CLOCK_SAMPLES = 5;

/**
 * Counters in Redis, shared by every gateway instance. Each instance also keeps itself
 * in a sorted set of active instances, so leases can be sized to a fair share of the
 * headroom. The heartbeat reads Redis's clock too: windows follow Redis's time, so
 * gateways whose own clocks disagree still count in the same windows.
 */
export class RedisCounterStore implements CounterStore {
  readonly shared = true;
  calls = 0;
  #instances = 1;
  #clockSamples: Array<{ roundTripMs: number; offsetMs: number }> = [];
  readonly #heartbeat: NodeJS.Timeout;
  readonly #instancesKey: string;

  constructor(
    private readonly redis: Redis,
    private readonly instanceId: string,
    prefix: string,
    private readonly clock: () => number = Date.now,
  ) {
    this.#instancesKey = `${prefix}instances`;
    this.#heartbeat = setInterval(() => void this.heartbeat(), HEARTBEAT_MS);
    this.#heartbeat.unref();
    redis.on('ready', () => void this.heartbeat());
  }

  get instances(): number {
    return this.#instances;
  }

  /** Redis's clock minus this process's, from the reading with the shortest round trip (error at most half of it). */
  get clockOffsetMs(): number {
    let best: { roundTripMs: number; offsetMs: number } | undefined;
    for (const sample of this.#clockSamples) if (best === undefined || sample.roundTripMs < best.roundTripMs) best = sample;
    return best?.offsetMs ?? 0;
  }

  /** Commands sent to Redis and not yet answered (timed-out ones included, until Redis answers or the connection drops). */
  get pendingCommands(): number {
    return this.redis.commandQueue.length;
  }

  async reserve({ key, limit, want, need, ttlMs }: ReserveRequest): Promise<Reservation> {
    this.calls++;
    const [granted, count] = await this.#unlessHung(this.redis.tollgateReserve(key, limit, want, need, Math.max(1, Math.ceil(ttlMs)), this.#instances));
    return { granted, count };
  }

  async release(key: string, units: number): Promise<void> {
    this.calls++;
    await this.#unlessHung(this.redis.tollgateRelease(key, units));
  }

  /**
   * A command that times out means a Redis that hangs (frozen, or busy in a long script):
   * the connection is dropped, which fails every command still held for it, and reopened
   * in the background. Without this, each timed-out command would wait in the client's
   * queue until Redis answers, however long the hang.
   */
  async #unlessHung<T>(command: Promise<T>): Promise<T> {
    try {
      return await command;
    } catch (error) {
      if (error instanceof Error && error.message === 'Command timed out') this.redis.disconnect(true);
      throw error;
    }
  }

  /** Refreshes this instance's entry, counts the active ones and reads Redis's clock. Failures leave the last values. */
  async heartbeat(): Promise<void> {
    try {
      const sent = this.clock();
      const [seconds, microseconds, card] = await this.#unlessHung(this.redis.tollgateHeartbeat(this.#instancesKey, this.instanceId, INSTANCE_TTL_MS));
      const received = this.clock();
      const redisMs = Number(seconds) * 1000 + Math.floor(Number(microseconds) / 1000);
      this.#clockSamples = [...this.#clockSamples.slice(1 - CLOCK_SAMPLES), { roundTripMs: received - sent, offsetMs: redisMs - (sent + received) / 2 }];
      this.#instances = Math.max(1, card);
    } catch {
      // Redis away: the limiter notices on its own calls.
    }
  }

  async close(): Promise<void> {
    clearInterval(this.#heartbeat);
    await this.redis.zrem(this.#instancesKey, this.instanceId).catch(() => {});
    this.redis.disconnect();
  }
}
