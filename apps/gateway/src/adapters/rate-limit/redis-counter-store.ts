import type { Redis } from 'ioredis';
import type { CounterStore, Reservation, ReserveRequest } from './counter-store';

const HEARTBEAT_MS = 2_000;
const INSTANCE_TTL_MS = 3 * HEARTBEAT_MS;

/**
 * Counters in Redis, shared by every gateway instance. Each instance also keeps itself
 * in a sorted set of active instances, so leases can be sized to a fair share of the
 * headroom.
 */
export class RedisCounterStore implements CounterStore {
  readonly shared = true;
  calls = 0;
  #instances = 1;
  readonly #heartbeat: NodeJS.Timeout;
  readonly #instancesKey: string;

  constructor(
    private readonly redis: Redis,
    private readonly instanceId: string,
    prefix: string,
  ) {
    this.#instancesKey = `${prefix}instances`;
    this.#heartbeat = setInterval(() => void this.heartbeat(), HEARTBEAT_MS);
    this.#heartbeat.unref();
    redis.on('ready', () => void this.heartbeat());
  }

  get instances(): number {
    return this.#instances;
  }

  async reserve({ key, limit, want, need, ttlMs }: ReserveRequest): Promise<Reservation> {
    this.calls++;
    const [granted, count] = await this.redis.tollgateReserve(key, limit, want, need, Math.max(1, Math.ceil(ttlMs)), this.#instances);
    return { granted, count };
  }

  async release(key: string, units: number): Promise<void> {
    this.calls++;
    await this.redis.decrby(key, units);
  }

  /** Refreshes this instance's entry and counts the active ones. Failures leave the last count. */
  async heartbeat(): Promise<void> {
    const now = Date.now();
    try {
      const [, , card] = await Promise.all([
        this.redis.zadd(this.#instancesKey, now, this.instanceId),
        this.redis.zremrangebyscore(this.#instancesKey, '-inf', now - INSTANCE_TTL_MS),
        this.redis.zcard(this.#instancesKey),
        this.redis.pexpire(this.#instancesKey, INSTANCE_TTL_MS * 2),
      ]);
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
