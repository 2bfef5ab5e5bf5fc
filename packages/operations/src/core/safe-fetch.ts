import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type BlockList } from 'node:net';
import { TollgateError } from '@tollgate/errors';
import { addressList, blockedReason } from './blocked-address';

export interface SafeFetchOptions {
  /** The field the URL came in, named by every error (default `url`). */
  field?: string;
  /** Bodies larger than this are refused (default 5 MiB). */
  maxBytes?: number;
  /** The whole fetch, redirects included (default 10 s). */
  timeoutMs?: number;
  maxRedirects?: number;
  accept?: string;
  /**
   * Addresses or CIDR ranges allowed although the block list refuses them. For tests and
   * deliberate operator settings only: never fill this from a request.
   */
  allowAddresses?: readonly string[];
}

export interface SafeFetchResult {
  /** The URL that answered, after redirects. */
  url: string;
  contentType: string | null;
  body: string;
}

const DEFAULTS = { field: 'url', maxBytes: 5 * 1024 * 1024, timeoutMs: 10_000, maxRedirects: 3, accept: '*/*' };

/**
 * GET of a URL someone else chose (an OpenAPI document, a JWKS): http(s) only, every address
 * the host resolves to checked against the block list and the connection made to that same
 * checked address (no DNS rebinding), redirects checked again, a size cap and a timeout.
 */
export async function safeFetch(rawUrl: string, options: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const settings = { ...DEFAULTS, ...options };
  const refuse = (reason: string) => new TollgateError('invalid_params', { detail: `${settings.field} ${reason}.`, invalidParams: [{ name: settings.field, reason }] });
  const allowed = options.allowAddresses?.length ? addressList(options.allowAddresses) : undefined;
  const signal = AbortSignal.timeout(settings.timeoutMs);
  let url = parseUrl(rawUrl, refuse);
  for (let hop = 0; ; hop += 1) {
    const response = await request(url, settings, allowed, signal, refuse);
    const location = response.headers.location;
    if (response.statusCode && response.statusCode >= 300 && response.statusCode < 400 && location) {
      response.resume();
      if (hop >= settings.maxRedirects) throw refuse(`redirects more than ${settings.maxRedirects} times`);
      url = parseUrl(new URL(location, url).toString(), refuse);
      continue;
    }
    if (!response.statusCode || response.statusCode >= 400) {
      response.resume();
      throw refuse(`could not be fetched: the server answered HTTP ${response.statusCode}`);
    }
    const body = await readCapped(response, settings.maxBytes, refuse);
    return { url: url.toString(), contentType: response.headers['content-type'] ?? null, body };
  }
}

function parseUrl(value: string, refuse: (reason: string) => Error): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse('is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refuse('must be an http(s) URL');
  if (url.username || url.password) throw refuse('must not carry credentials');
  return url;
}

function request(url: URL, settings: typeof DEFAULTS, allowed: BlockList | undefined, signal: AbortSignal, refuse: (reason: string) => Error): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    const reason = blockedReason(host, allowed);
    if (reason) return Promise.reject(refuse(reason.replace('resolves to', 'points at')));
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let refused: Error | undefined;
    const req = client.request(url, {
      method: 'GET',
      signal,
      headers: { accept: settings.accept, 'user-agent': 'tollgate-import' },
      lookup: checkedLookup(allowed, (reason) => (refused = refuse(reason))),
    });
    req.on('response', resolve);
    req.on('error', (error) => {
      if (refused) reject(refused);
      else if (signal.aborted) reject(refuse(`did not answer within ${settings.timeoutMs} ms`));
      else reject(refuse(`could not be fetched: ${(error as NodeJS.ErrnoException).code ?? error.message}`));
    });
    req.end();
  });
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup that fails when any address of the host is blocked, so the socket connects only to checked addresses. */
function checkedLookup(allowed: BlockList | undefined, onBlocked: (reason: string) => void) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const reason = addresses.map((entry) => blockedReason(entry.address, allowed)).find((entry) => entry !== null);
      if (reason) {
        onBlocked(reason);
        return callback(Object.assign(new Error(reason), { code: 'EADDRBLOCKED' }), []);
      }
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

function readCapped(response: IncomingMessage, maxBytes: number, refuse: (reason: string) => Error): Promise<string> {
  const tooLarge = () => refuse(`answered with more than ${maxBytes} bytes`);
  if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
    response.destroy();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    response.on('error', (error) => reject(refuse(`could not be read: ${error.message}`)));
  });
}
