import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { GatewayContext } from '../../pipeline/context';
import { hookResponseHead } from '../cors/hook-response-head';
import { storability } from './cache-control';
import type { ResponseCache } from './response-cache';

export interface CaptureOptions {
  readonly cache: ResponseCache;
  readonly ttlMs: number;
  readonly varied: ReadonlySet<string>;
  /** Key of the entry every consumer shares (Cache-Control: public, or no consumer). */
  readonly sharedKey: string;
  /** Key of this consumer's own entry. */
  readonly consumerKey: string;
  /** The request carried credentials for the upstream: store only explicitly shareable answers. */
  readonly personal: boolean;
}

/** Headers that belong to one response, not to the stored entry. */
const NOT_STORED = new Set(['x-request-id', 'x-cache', 'age']);

/**
 * Marks the response X-Cache: MISS and, when the upstream's answer may be stored, copies
 * its body as it streams to the client (a tee: the client is never made to wait for the
 * copy). The entry is stored only once the response has finished completely and stayed
 * within the size limit; a broken, aborted or oversized response leaves nothing behind.
 */
export function captureResponse(ctx: GatewayContext, options: CaptureOptions): void {
  const res = ctx.res;
  hookResponseHead(res, (status, headers) => {
    const verdict = storability(status, headers, options.ttlMs, options.varied, options.personal);
    if (verdict.ttlMs > 0) {
      tee(ctx, options, status, entryHeaders(headers), verdict.shared ? options.sharedKey : options.consumerKey, verdict.ttlMs);
    }
    headers['x-cache'] = 'MISS';
    return headers;
  });
}

function entryHeaders(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const name in headers) {
    if (!NOT_STORED.has(name.toLowerCase())) kept[name] = headers[name];
  }
  return kept;
}

function tee(ctx: GatewayContext, options: CaptureOptions, status: number, headers: OutgoingHttpHeaders, key: string, ttlMs: number): void {
  const res = ctx.res;
  const limit = options.cache.maxEntryBytes;
  const chunks: Buffer[] = [];
  let bytes = 0;
  let overflow = false;
  const collect = (chunk: unknown) => {
    if (overflow || chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buffer = Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    bytes += buffer.length;
    if (bytes > limit) {
      overflow = true;
      chunks.length = 0;
      return;
    }
    chunks.push(buffer);
  };
  const write = res.write;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    collect(chunk);
    return write.apply(this, [chunk, ...rest] as Parameters<typeof write>);
  } as typeof res.write;
  const end = res.end;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    collect(chunk);
    return end.apply(this, [chunk, ...rest] as Parameters<typeof end>);
  } as typeof res.end;
  res.once('finish', () => {
    if (overflow || ctx.clientAborted) return;
    const declared = headers['content-length'];
    if (declared !== undefined && ctx.req.method !== 'HEAD' && Number(declared) !== bytes) return;
    if (declared === undefined && status !== 204) headers['content-length'] = String(bytes);
    const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, bytes);
    options.cache.set(key, { status, headers, body, storedAt: Date.now(), size: body.length + headerBytes(headers) }, ttlMs);
  });
}

function headerBytes(headers: OutgoingHttpHeaders): number {
  let size = 64;
  for (const name in headers) size += name.length + String(headers[name]).length + 4;
  return size;
}
