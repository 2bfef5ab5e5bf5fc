import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** Statuses a shared cache may keep by default (RFC 9111 4.2.2, the ones useful behind a gateway). */
const CACHEABLE_STATUS = new Set([200, 203, 204, 301, 404]);

/** The request asks for a fresh answer (Cache-Control: no-cache / no-store, or Pragma: no-cache). */
export function bypassesCache(headers: IncomingHttpHeaders): boolean {
  const cacheControl = headers['cache-control'];
  if (cacheControl !== undefined) return /(?:^|,)\s*(?:no-cache|no-store)\s*(?:,|$)/i.test(cacheControl);
  return headers.pragma !== undefined && /no-cache/i.test(headers.pragma);
}

const TOLLGATE_BEARER = /^bearer\s+tg_/i;

/**
 * The request carries credentials the upstream will see (a Cookie, or an Authorization
 * that is not a Tollgate key, such as a JWT): its answer may be personal. RFC 9111 3.5.
 */
export function carriesUpstreamCredentials(headers: IncomingHttpHeaders): boolean {
  if (headers.cookie !== undefined) return true;
  const authorization = headers.authorization;
  return authorization !== undefined && !TOLLGATE_BEARER.test(authorization);
}

/** The request forbids storing its answer (Cache-Control: no-store). */
export function forbidsStore(headers: IncomingHttpHeaders): boolean {
  const cacheControl = headers['cache-control'];
  return cacheControl !== undefined && /(?:^|,)\s*no-store\s*(?:,|$)/i.test(cacheControl);
}

export interface Storability {
  /** How long the response may be served, in ms; 0 when it must not be stored. */
  readonly ttlMs: number;
  /** Cache-Control: public: one entry for every consumer. */
  readonly shared: boolean;
}

const NOT_STORED: Storability = { ttlMs: 0, shared: false };

/**
 * Whether and for how long an upstream response may be kept. Never: other statuses,
 * Set-Cookie, Cache-Control no-store / no-cache / private, Vary: * or Vary on a header
 * the route does not vary on. Otherwise the route's TTL, shortened by s-maxage or
 * max-age when the upstream says less. When the request carried credentials for the
 * upstream (`personal`), only an answer marked public, s-maxage or must-revalidate is
 * kept (RFC 9111 3.5).
 */
export function storability(status: number, headers: OutgoingHttpHeaders, routeTtlMs: number, varied: ReadonlySet<string>, personal = false): Storability {
  if (!CACHEABLE_STATUS.has(status) || headers['set-cookie'] !== undefined) return NOT_STORED;
  const vary = headers.vary;
  if (vary !== undefined) {
    for (const token of String(vary).toLowerCase().split(',')) {
      const name = token.trim();
      if (name !== '' && !varied.has(name)) return NOT_STORED;
    }
  }
  const cacheControl = headers['cache-control'];
  if (cacheControl === undefined) return personal ? NOT_STORED : { ttlMs: routeTtlMs, shared: false };
  let ttlMs = routeTtlMs;
  let shared = false;
  let explicit = false;
  let sMaxAge: number | undefined;
  for (const directive of String(cacheControl).toLowerCase().split(',')) {
    const [name = '', value] = directive.trim().split('=', 2) as [string, string | undefined];
    if (name === 'no-store' || name === 'no-cache' || name === 'private') return NOT_STORED;
    if (name === 'public') shared = true;
    if (name === 'public' || name === 's-maxage' || name === 'must-revalidate') explicit = true;
    const seconds = value === undefined ? Number.NaN : Number.parseInt(value.replace(/"/g, ''), 10);
    if (name === 's-maxage' && Number.isFinite(seconds)) sMaxAge = seconds;
    if (name === 'max-age' && Number.isFinite(seconds) && sMaxAge === undefined) ttlMs = Math.min(routeTtlMs, seconds * 1000);
  }
  if (sMaxAge !== undefined) ttlMs = Math.min(routeTtlMs, sMaxAge * 1000);
  if (personal && !explicit) return NOT_STORED;
  return ttlMs > 0 ? { ttlMs, shared } : NOT_STORED;
}
