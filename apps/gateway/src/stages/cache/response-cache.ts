import type { OutgoingHttpHeaders } from 'node:http';
import { LRUCache } from 'lru-cache';
import type { GatewayServices } from '../../pipeline/types';

export interface CachedResponse {
  readonly status: number;
  readonly headers: OutgoingHttpHeaders;
  readonly body: Buffer;
  readonly storedAt: number;
  /** Bytes counted against GATEWAY_CACHE_MAX_BYTES: body plus a header estimate. */
  readonly size: number;
}

export interface ResponseCache {
  readonly maxEntryBytes: number;
  get(key: string): CachedResponse | undefined;
  set(key: string, entry: CachedResponse, ttlMs: number): void;
}

const caches = new WeakMap<GatewayServices, ResponseCache>();

/**
 * The process's response cache: one LRU bounded by total bytes, shared by every
 * snapshot of one gateway so a config reload keeps it warm. Entries expire by their own
 * TTL; the least recently used go first when memory runs out.
 */
export function responseCacheFor(services: GatewayServices): ResponseCache {
  let cache = caches.get(services);
  if (cache === undefined) {
    const lru = new LRUCache<string, CachedResponse>({
      maxSize: services.env.GATEWAY_CACHE_MAX_BYTES,
      maxEntrySize: services.env.GATEWAY_CACHE_MAX_BYTES,
      sizeCalculation: (entry) => entry.size,
    });
    cache = {
      maxEntryBytes: services.env.GATEWAY_CACHE_MAX_ENTRY_BYTES,
      get: (key) => lru.get(key),
      set: (key, entry, ttlMs) => void lru.set(key, entry, { ttl: ttlMs }),
    };
    caches.set(services, cache);
  }
  return cache;
}
