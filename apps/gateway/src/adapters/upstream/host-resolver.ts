import { Resolver } from 'node:dns/promises';

export interface HostResolverOptions {
  /** DNS servers (`ip` or `ip:port`); empty: the system's. */
  servers: readonly string[];
  /** A record's TTL is raised to at least this, and lowered to at most maxTtlMs, before the next lookup. */
  minTtlMs: number;
  maxTtlMs: number;
  /** Told about a failed lookup (the last good addresses stay). */
  warn?: (host: string, error: Error) => void;
}

interface Entry {
  addresses: readonly string[];
  listeners: Set<() => void>;
  timer: NodeJS.Timeout | null;
}

/**
 * Keeps the addresses of upstream host names: each name is looked up (A and AAAA, with
 * their TTLs) when first watched and again when its shortest TTL runs out, bounded by
 * minTtlMs and maxTtlMs. A failed lookup keeps the last good addresses and tries again
 * after minTtlMs. Listeners hear of every change of a name's addresses.
 */
export class HostResolver {
  readonly #resolver = new Resolver({ timeout: 2_000, tries: 2 });
  readonly #entries = new Map<string, Entry>();
  #closed = false;

  constructor(private readonly options: HostResolverOptions) {
    if (options.servers.length > 0) this.#resolver.setServers([...options.servers]);
  }

  /** The addresses known now ([] before the first answer); `onChange` hears of later changes. */
  watch(host: string, onChange: () => void): readonly string[] {
    let entry = this.#entries.get(host);
    if (entry === undefined) {
      entry = { addresses: [], listeners: new Set(), timer: null };
      this.#entries.set(host, entry);
      void this.#lookup(host, entry);
    }
    entry.listeners.add(onChange);
    return entry.addresses;
  }

  addresses(host: string): readonly string[] {
    return this.#entries.get(host)?.addresses ?? [];
  }

  unwatch(host: string, onChange: () => void): void {
    const entry = this.#entries.get(host);
    if (entry === undefined) return;
    entry.listeners.delete(onChange);
    if (entry.listeners.size > 0) return;
    if (entry.timer !== null) clearTimeout(entry.timer);
    this.#entries.delete(host);
  }

  close(): void {
    this.#closed = true;
    for (const entry of this.#entries.values()) if (entry.timer !== null) clearTimeout(entry.timer);
    this.#entries.clear();
    this.#resolver.cancel();
  }

  async #lookup(host: string, entry: Entry): Promise<void> {
    const [v4, v6] = await Promise.allSettled([this.#resolver.resolve4(host, { ttl: true }), this.#resolver.resolve6(host, { ttl: true })]);
    if (this.#closed || this.#entries.get(host) !== entry) return;
    const records = [...(v4.status === 'fulfilled' ? v4.value : []), ...(v6.status === 'fulfilled' ? v6.value : [])];
    let delayMs = this.options.minTtlMs;
    if (records.length > 0) {
      const ttlMs = Math.min(...records.map((record) => record.ttl)) * 1000;
      delayMs = Math.min(this.options.maxTtlMs, Math.max(this.options.minTtlMs, ttlMs));
      const addresses = [...new Set(records.map((record) => record.address))].sort();
      if (addresses.join() !== entry.addresses.join()) {
        entry.addresses = addresses;
        for (const listener of entry.listeners) listener();
      }
    } else {
      const failure = v4.status === 'rejected' ? v4.reason : v6.status === 'rejected' ? v6.reason : new Error('no address');
      this.options.warn?.(host, failure as Error);
    }
    entry.timer = setTimeout(() => void this.#lookup(host, entry), delayMs);
    entry.timer.unref();
  }
}
