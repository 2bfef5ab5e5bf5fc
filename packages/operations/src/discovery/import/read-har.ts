import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import pick from 'stream-json/filters/pick.js';
import streamArray from 'stream-json/streamers/stream-array.js';
import { BadInput, checkMethod, splitTarget, type AccessRecord } from './access-record';

const CREDENTIAL_HEADERS = new Set(['authorization', 'x-api-key', 'cookie']);

/**
 * The entries of a HAR file, one at a time: the file is parsed as a stream
 * (`log.entries` picked, each entry assembled alone), so its size does not matter.
 */
export async function* readHar(file: string, onBytes: (bytes: number) => void): AsyncGenerator<AccessRecord | BadInput> {
  const input = createReadStream(file);
  input.on('data', (chunk) => onBytes(chunk.length));
  const entries: Readable = input.pipe(pick.withParserAsStream({ filter: 'log.entries' })).pipe(streamArray.asStream());
  input.on('error', (error) => entries.destroy(error));
  for await (const item of entries as AsyncIterable<{ key: number; value: unknown }>) {
    try {
      yield harEntry(item.value);
    } catch (error) {
      yield error instanceof BadInput ? new BadInput(`entry ${item.key}: ${error.message}`) : (error as Error);
    }
  }
}

function harEntry(value: unknown): AccessRecord {
  const entry = value as { startedDateTime?: unknown; request?: { method?: unknown; url?: unknown; headers?: { name?: unknown }[] }; response?: { status?: unknown } };
  const request = entry.request;
  if (typeof request?.method !== 'string' || typeof request.url !== 'string') throw new BadInput('has no request method and url');
  const split = splitTarget(request.url);
  if (split === null) throw new BadInput(`"${request.url.slice(0, 60)}" is not a URL`);
  const headers = Array.isArray(request.headers) ? request.headers : [];
  const credentials = headers.some((header) => typeof header.name === 'string' && CREDENTIAL_HEADERS.has(header.name.toLowerCase())) || /[?&]api_key=/.test(request.url);
  const time = typeof entry.startedDateTime === 'string' ? new Date(entry.startedDateTime) : null;
  return {
    method: checkMethod(request.method),
    path: split.path,
    status: typeof entry.response?.status === 'number' ? entry.response.status : 0,
    host: split.host,
    time: time && !Number.isNaN(time.getTime()) ? time : null,
    consumer: '',
    credentials,
  };
}
