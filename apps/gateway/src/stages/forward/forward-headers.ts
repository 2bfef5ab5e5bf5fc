import type { GatewayContext } from '../../pipeline/context';
import type { CompiledHeaderTransform } from './header-transform';

/** Hop-by-hop headers (RFC 9110 7.6.1) plus headers undici sets itself or refuses. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/** Request headers the gateway owns: a client cannot set them for the upstream. */
const GATEWAY_OWNED = new Set(['host', 'expect', 'via', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'forwarded', 'traceparent', 'tracestate', 'x-request-id', 'x-consumer-id', 'x-plan', 'x-api-key']);

/** What this hop adds to Via (RFC 9110 7.6.3); the gateway's name, not its host. */
const VIA = '1.1 tollgate';

const TOLLGATE_BEARER = /^bearer\s+tg_/i;

/** Header names listed in a Connection header, besides the usual keep-alive/close. */
function connectionTokens(value: string | undefined): Set<string> | null {
  if (value === undefined) return null;
  const lower = value.toLowerCase();
  if (lower === 'keep-alive' || lower === 'close') return null;
  return new Set(lower.split(',').map((token) => token.trim()));
}

/** Headers the upstream must not get from the client: hop-by-hop and gateway-owned ones. */
function isWithheld(lower: string): boolean {
  return HOP_BY_HOP.has(lower) || GATEWAY_OWNED.has(lower);
}

/** The client's values of the proxy headers a trusted proxy in front may have set. */
interface IncomingProxyHeaders {
  forwardedFor?: string;
  forwarded?: string;
  proto?: string;
  host?: string;
  via?: string;
}

/**
 * The request headers for the upstream, as the flat [name, value, ...] list undici takes.
 * Drops hop-by-hop headers, headers named in Connection, every Tollgate key (the
 * X-Api-Key header, a Bearer tg_ key), and any header whose name with `_` read as `-`
 * is one of those (CGI and WSGI upstreams read `X_Plan` as `X-Plan`). Sets
 * X-Forwarded-*, Forwarded (RFC 7239) and Via: from a trusted proxy the incoming values
 * are kept and appended to, from anyone else they are replaced. Then traceparent /
 * tracestate (from receive), X-Request-Id, X-Consumer-Id and X-Plan. The route's request
 * header transform removes and sets what it names (never a header the gateway owns).
 */
export function forwardHeaders(ctx: GatewayContext, transform: CompiledHeaderTransform | null = null): string[] {
  const raw = ctx.req.rawHeaders;
  const named = connectionTokens(ctx.req.headers.connection);
  const headers: string[] = [];
  const incoming: IncomingProxyHeaders = {};
  const trusted = ctx.peerTrusted;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    const lower = name.toLowerCase();
    const value = raw[i + 1]!;
    if (isWithheld(lower)) {
      if (trusted) keepProxyHeader(incoming, lower, value);
      continue;
    }
    if (named !== null && named.has(lower)) continue;
    if (lower === 'authorization' && TOLLGATE_BEARER.test(value)) continue;
    if (lower.includes('_') && isWithheld(lower.replaceAll('_', '-'))) continue;
    if (transform !== null && transform.drop.has(lower)) continue;
    headers.push(name, value);
  }
  if (transform !== null) for (const [name, value] of transform.set) headers.push(name, value);
  const client = ctx.req.socket.remoteAddress ?? '';
  const ownProto = 'encrypted' in ctx.req.socket && ctx.req.socket.encrypted ? 'https' : 'http';
  const host = ctx.req.headers.host;
  headers.push('x-forwarded-for', appended(incoming.forwardedFor, client));
  headers.push('x-forwarded-proto', incoming.proto ?? ownProto);
  const forwardedHost = incoming.host ?? host;
  if (forwardedHost !== undefined) headers.push('x-forwarded-host', forwardedHost);
  headers.push('forwarded', appended(incoming.forwarded, forwardedElement(client, ownProto, host)));
  headers.push('via', appended(incoming.via, VIA));
  if (ctx.traceparent !== '') headers.push('traceparent', ctx.traceparent);
  if (ctx.tracestate !== undefined) headers.push('tracestate', ctx.tracestate);
  headers.push('x-request-id', ctx.requestId);
  const principal = ctx.principal;
  if (principal !== null) headers.push('x-consumer-id', principal.app.slug);
  if (ctx.plan !== null) headers.push('x-plan', ctx.plan.slug);
  return headers;
}

function keepProxyHeader(incoming: IncomingProxyHeaders, lower: string, value: string): void {
  if (lower === 'x-forwarded-for') incoming.forwardedFor = appended(incoming.forwardedFor, value);
  else if (lower === 'forwarded') incoming.forwarded = appended(incoming.forwarded, value);
  else if (lower === 'via') incoming.via = appended(incoming.via, value);
  else if (lower === 'x-forwarded-proto') incoming.proto ??= value;
  else if (lower === 'x-forwarded-host') incoming.host ??= value;
}

function appended(list: string | undefined, value: string): string {
  return list === undefined ? value : `${list}, ${value}`;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A quoted-string unless the value is a plain token (RFC 7230 3.2.6). */
function forwardedValue(value: string): string {
  return TOKEN.test(value) ? value : `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** One RFC 7239 element for this hop; IPv6 addresses go in brackets and quotes. */
function forwardedElement(client: string, proto: string, host: string | undefined): string {
  const node = client.includes(':') ? `"[${client}]"` : client || 'unknown';
  return host === undefined ? `for=${node};proto=${proto}` : `for=${node};host=${forwardedValue(host)};proto=${proto}`;
}

/** The upstream's response headers for the client, without hop-by-hop ones. */
export function responseHeaders(upstream: Record<string, string | string[] | undefined>, requestId: string): Record<string, string | string[]> {
  const named = connectionTokens(typeof upstream.connection === 'string' ? upstream.connection : undefined);
  const headers: Record<string, string | string[]> = {};
  for (const name in upstream) {
    const value = upstream[name];
    if (value === undefined || HOP_BY_HOP.has(name) || (named !== null && named.has(name))) continue;
    headers[name] = value;
  }
  headers['x-request-id'] = requestId;
  return headers;
}
