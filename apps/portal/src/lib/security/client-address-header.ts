// The portal server tells the app who the client is through one request header. A value a
// client writes itself is worthless: the server drops any incoming copy, and the value carries
// a key that lives only in this process, so a copy forged by a client (or arriving when the
// app runs without the portal server) reads as "unknown".
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const CLIENT_ADDRESS_HEADER = 'x-tollgate-client-address';

const KEY = Symbol.for('tollgate.portal.clientAddressKey');

function processKey(): string {
  const store = globalThis as { [KEY]?: string };
  store[KEY] ??= randomBytes(16).toString('base64url');
  return store[KEY];
}

/** The header value the portal server sets for a request from `address`. */
export function clientAddressHeaderValue(address: string): string {
  return `${processKey()} ${address}`;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

/** The client address the portal server vouched for, or `unknown`. */
export function readClientAddress(headers: HeaderSource): string {
  const raw = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers?.[CLIENT_ADDRESS_HEADER];
  if (typeof raw !== 'string') return 'unknown';
  const [key = '', address] = raw.split(' ');
  const expected = Buffer.from(processKey());
  const given = Buffer.from(key);
  return address && given.length === expected.length && timingSafeEqual(given, expected) ? address : 'unknown';
}
