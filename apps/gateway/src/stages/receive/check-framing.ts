import type { IncomingMessage } from 'node:http';

/**
 * Request framing that Node's parser lets through but a proxy must not guess at
 * (RFC 9112 3.2, 6.1): a Transfer-Encoding other than plain `chunked`, a missing Host
 * on HTTP/1.1, or several Host headers. Conflicting or duplicate Content-Length and
 * Content-Length beside Transfer-Encoding never get here: the parser refuses them and
 * the server answers them (see server.ts). Returns the problem, or null.
 */
export function checkFraming(req: IncomingMessage): string | null {
  const te = req.headers['transfer-encoding'];
  if (te !== undefined && te.toLowerCase() !== 'chunked') return 'Transfer-Encoding must be "chunked" alone.';
  if (req.headers.host === undefined) return req.httpVersionMinor >= 1 ? 'An HTTP/1.1 request needs a Host header.' : null;
  const raw = req.rawHeaders;
  let hosts = 0;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.length === 4 && name.toLowerCase() === 'host' && ++hosts > 1) return 'The request has more than one Host header.';
  }
  return null;
}
