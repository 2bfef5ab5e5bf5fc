import type { IncomingMessage } from 'node:http';
import { parseClientIp, type IpRanges } from '../ip-rules/ip-ranges';

const MAPPED_V4 = '::ffff:';

/** The socket peer's address, with IPv4-mapped IPv6 shown as plain IPv4. */
export function socketAddress(req: IncomingMessage): string {
  // A request object without a socket (unit tests) has no address.
  const address = (req.socket as IncomingMessage['socket'] | undefined)?.remoteAddress ?? '';
  return address.startsWith(MAPPED_V4) && address.includes('.') ? address.slice(MAPPED_V4.length) : address;
}

/**
 * The caller's address. X-Forwarded-For is believed only when the socket peer is a
 * trusted proxy; then the list is read from the right and the first address that is not
 * a trusted proxy is the client (as proxy-addr and nginx's real_ip_recursive do). An
 * unparsable entry stops the walk at the last trusted hop.
 */
export function clientIp(req: IncomingMessage, trusted: IpRanges | null): string {
  const peer = socketAddress(req);
  if (trusted === null || !trusted.has(peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  if (header === undefined) return peer;
  const hops = (typeof header === 'string' ? header : header.join(',')).split(',');
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const parsed = parseClientIp(hops[i]!.trim());
    if (parsed === null) return client;
    client = parsed.toString();
    if (!trusted.has(client)) return client;
  }
  return client;
}
