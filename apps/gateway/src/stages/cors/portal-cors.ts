/**
 * The developer portal's try-it: requests from its origins (GATEWAY_PORTAL_ORIGINS) get CORS
 * answers on every route, with no credentials (the portal sends an API key, never cookies).
 * An API's own CORS policy still decides for every other origin.
 */
export interface PortalCors {
  readonly origins: ReadonlySet<string>;
}

/** What a key's caller may want to read in the portal: the request id, limits and lifecycle. */
export const PORTAL_EXPOSE_HEADERS = 'X-Request-Id, RateLimit-Policy, RateLimit, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After, Deprecation, Sunset';
/** Always allowed, whatever the preflight asks: the two ways to send a key, and JSON bodies. */
const BASE_ALLOW_HEADERS = ['Authorization', 'X-Api-Key', 'Content-Type'];
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
export const PORTAL_MAX_AGE = '600';

export function compilePortalCors(origins: readonly string[]): PortalCors | undefined {
  return origins.length === 0 ? undefined : { origins: new Set(origins) };
}

export function isPortalOrigin(portal: PortalCors | undefined, origin: string | undefined): origin is string {
  return portal !== undefined && origin !== undefined && portal.origins.has(origin);
}

/** The base headers and whatever else the preflight asks for, when each is a valid header name. */
export function portalAllowHeaders(requested: string | undefined): string {
  const names = new Map(BASE_ALLOW_HEADERS.map((name) => [name.toLowerCase(), name]));
  for (const raw of (requested ?? '').split(',')) {
    const name = raw.trim();
    if (TOKEN.test(name) && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  }
  return [...names.values()].join(', ');
}
