import type { OutgoingHttpHeaders } from 'node:http';
import type { HeadHook } from '../cors/hook-response-head';

const SHARED_ONLY = /^(?:public|s-maxage(?:=.*)?|proxy-revalidate)$/i;
const WHOLLY_PRIVATE = /^(?:private|no-store)$/i;

/**
 * Cache-Control for a response on a route that takes credentials (key or JWT). A shared
 * cache in front must never hand it to another caller and so skip authentication and
 * metering; a key in X-Api-Key does not stop shared caches the way Authorization does
 * (RFC 9111 3.5). So `public`, `s-maxage` and `proxy-revalidate` go, and `private` is added
 * unless the response already says `private` (without a field list) or `no-store`.
 */
export function privateCacheControl(value: OutgoingHttpHeaders[string]): string {
  const joined = value === undefined ? '' : Array.isArray(value) ? value.join(',') : String(value);
  if (joined === '') return 'private';
  const kept = joined
    .split(',')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '' && !SHARED_ONLY.test(directive));
  if (!kept.some((directive) => WHOLLY_PRIVATE.test(directive))) kept.unshift('private');
  return kept.join(', ');
}

/**
 * The head hook the route stage sets first on such routes, so it runs last: the gateway's
 * own response cache (whose hook is set later) still sees the upstream's directives.
 */
export const keepResponsePrivate: HeadHook = (_status, headers) => {
  const name = 'cache-control' in headers ? 'cache-control' : Object.keys(headers).find((key) => key.toLowerCase() === 'cache-control') ?? 'cache-control';
  headers[name] = privateCacheControl(headers[name]);
  return headers;
};
