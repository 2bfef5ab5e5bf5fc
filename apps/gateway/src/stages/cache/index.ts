import type { GatewayContext } from '../../pipeline/context';
import type { Stage } from '../../pipeline/types';
import { bypassesCache, carriesUpstreamCredentials, forbidsStore } from './cache-control';
import { captureResponse } from './capture-response';
import { responseCacheFor, type CachedResponse, type ResponseCache } from './response-cache';

export interface CacheConfig {
  readonly cache: ResponseCache;
  readonly routeId: string;
  readonly ttlMs: number;
  /** Request header names (lower case) whose values are part of the key. */
  readonly vary: readonly string[];
  readonly varied: ReadonlySet<string>;
}


/**
 * Response cache for GET and HEAD on routes with `policies.cache`. It sits in the
 * transform phase, after authentication and limits: a hit still needs a valid key and
 * still counts as a call. The key is method, route, host, path, query, the values of
 * the route's vary headers and the consumer (app), unless the upstream marked the
 * answer Cache-Control: public. A request with Cache-Control: no-cache skips the lookup
 * and refreshes the entry. A request with a Cookie or a non-Tollgate Authorization (a
 * JWT the upstream will read) stores only answers the upstream marked shareable.
 */
export const cache: Stage<CacheConfig> = {
  name: 'cache',
  phase: 'transform',
  priority: 1_000,
  configure({ route, services }) {
    if (route === null || !(route.methods.includes('GET') || route.methods.includes('HEAD'))) return undefined;
    const policy = route.policies.cache;
    if (policy === undefined) return undefined;
    const vary = [...new Set(policy.vary.map((name) => name.toLowerCase()))];
    return { cache: responseCacheFor(services), routeId: route.id, ttlMs: policy.ttlSeconds * 1000, vary, varied: new Set(vary) };
  },
  run(ctx, config) {
    const method = ctx.req.method;
    const headers = ctx.req.headers;
    // A WebSocket upgrade is a GET too, but never an answer to keep or replay.
    if ((method !== 'GET' && method !== 'HEAD') || headers.upgrade !== undefined) return;
    const sharedKey = cacheKey(ctx, config, method);
    const consumer = ctx.principal?.app.id;
    const consumerKey = consumer === undefined ? sharedKey : `${sharedKey}\n${consumer}`;
    if (!bypassesCache(headers)) {
      const hit = config.cache.get(sharedKey) ?? (consumer === undefined ? undefined : config.cache.get(consumerKey));
      if (hit !== undefined) return serveHit(ctx, hit);
    }
    captureResponse(ctx, {
      cache: forbidsStore(headers) ? NO_STORE : config.cache,
      ttlMs: config.ttlMs,
      varied: config.varied,
      sharedKey,
      consumerKey,
      personal: carriesUpstreamCredentials(headers),
    });
  },
};

/** A cache that keeps nothing: the request said no-store, the response still says MISS. */
const NO_STORE: ResponseCache = { maxEntryBytes: -1, get: () => undefined, set: () => {} };

function cacheKey(ctx: GatewayContext, config: CacheConfig, method: string): string {
  let key = `${method}\n${config.routeId}\n${ctx.req.headers.host ?? ''}\n${ctx.path}\n${ctx.query}`;
  for (const name of config.vary) {
    const value = ctx.req.headers[name];
    key += `\n${value === undefined ? '' : String(value)}`;
  }
  return key;
}

function serveHit(ctx: GatewayContext, hit: CachedResponse): void {
  ctx.res.writeHead(hit.status, {
    ...hit.headers,
    'x-request-id': ctx.requestId,
    'x-cache': 'HIT',
    age: String(Math.floor((Date.now() - hit.storedAt) / 1000)),
  });
  ctx.res.end(ctx.req.method === 'HEAD' ? undefined : hit.body);
}
