import type { IncomingMessage } from 'node:http';

/**
 * Request framing that Node's parser lets through but a proxy must not guess at
 * (RFC 9112 3.2, 6.1): a Transfer-Encoding other than plain `chunked`, a missing Host
 * on HTTP/1.1, several Host headers, or a Host that is not `host[:port]`. Conflicting or duplicate Content-Length and
 * Content-Length beside Transfer-Encoding never get here: the parser refuses them and
 * the server answers them (see server.ts). Returns the problem, or null.
 */
export function checkFraming(req: IncomingMessage): string | null {
  const te = req.headers['transfer-encoding'];
  if (te !== undefined && te.toLowerCase() !== 'chunked') return 'Transfer-Encoding must be "chunked" alone.';
  const host = req.headers.host;
  if (host === undefined) return req.httpVersionMinor >= 1 ? 'An HTTP/1.1 request needs a Host header.' : null;
  if (!isValidHost(host)) return 'The Host header must be host[:port] (RFC 9110 7.2).';
  const raw = req.rawHeaders;
  let hosts = 0;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.length === 4 && name.toLowerCase() === 'host' && ++hosts > 1) return 'The request has more than one Host header.';
  }
  return null;
}

/** uri-host (a reg-name, IPv4, or an IPv6 literal in brackets) and an optional port (RFC 3986 3.2.2-3.2.3). */
const HOST = /^(?:\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9\-._~!$&'()*+,=%]+)(?::[0-9]{1,5})?$/;

/** Empty, over 255 bytes, or holding `/`, `\`, `@`, a space or an unbalanced bracket is not a host: it would travel on in X-Forwarded-Host and Forwarded. */
export function isValidHost(host: string): boolean {
  return host.length > 0 && host.length <= 255 && HOST.test(host);
}
