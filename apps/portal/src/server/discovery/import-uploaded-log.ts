import 'server-only';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { DISCOVERY_IMPORT_MAX_BYTES, ZDiscoveryImportQuery, type TDiscoveryImportResult } from '@tollgate/contracts';
import type { Db } from '@tollgate/db';
import { TollgateError } from '@tollgate/errors';
import { importAccessFile, requireImportRole, type OperationMeta, type Principal } from '@tollgate/operations';

const tooLarge = () => new TollgateError('payload_too_large', { detail: `The file is larger than ${DISCOVERY_IMPORT_MAX_BYTES} bytes.` });

/**
 * An access log or HAR file sent as the request body: streamed to a temporary file (never
 * held in memory, cut off at DISCOVERY_IMPORT_MAX_BYTES), read by the same import as
 * `tollgate discover import`, then removed. Admins only, checked before the body is read.
 */
export async function importUploadedLog(db: Db, principal: Principal, request: Request, meta: OperationMeta): Promise<TDiscoveryImportResult> {
  requireImportRole(principal);
  const query = ZDiscoveryImportQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new TollgateError('invalid_params', { detail: 'name must be a file name of at most 255 characters.', invalidParams: [{ name: 'name', reason: 'at most 255 characters' }] });
  if (Number(request.headers.get('content-length') ?? '0') > DISCOVERY_IMPORT_MAX_BYTES) throw tooLarge();
  if (request.body === null) throw emptyFile();
  const dir = await mkdtemp(path.join(tmpdir(), 'tollgate-import-'));
  try {
    const file = path.join(dir, 'upload');
    const size = await receive(request.body, file);
    if (size === 0) throw emptyFile();
    return await importAccessFile(db, principal, file, { name: query.data.name ?? 'upload', meta });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const emptyFile = () => new TollgateError('invalid_params', { detail: 'The body is empty: send the log or HAR file as the request body.', invalidParams: [{ name: 'file', reason: 'empty' }] });

/** Writes the body to `file`, counting bytes; 413 as soon as it passes the cap. */
async function receive(body: ReadableStream<Uint8Array>, file: string): Promise<number> {
  let size = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(size > DISCOVERY_IMPORT_MAX_BYTES ? tooLarge() : null, chunk);
    },
  });
  await pipeline(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), cap, createWriteStream(file));
  return size;
}
