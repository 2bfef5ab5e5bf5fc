import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * Runs `COPY … FROM STDIN` with `data` as the whole input; resolves with the rows
 * copied, rejects with PostgreSQL's error (its `code` is the SQLSTATE).
 */
export function copyFromBuffer(client: PoolClient, sql: string, data: Buffer): Promise<number> {
  const stream = client.query(copyFrom(sql));
  detachOnError(stream);
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.once('finish', () => resolve(stream.rowCount));
    stream.end(data);
  });
}

interface CopyStreamInternals {
  connection: { stream: NodeJS.WritableStream } | null;
  flushChunk(chunk: Buffer): boolean;
  _final(callback: () => void): void;
}

/**
 * PostgreSQL can refuse the data (a unique violation) while a large buffer is still
 * draining into the socket. pg-copy-streams then forgets the connection and throws an
 * uncaught TypeError when the drain completes and it writes the rest, or CopyDone, to a
 * null connection (brianc/node-pg-copy-streams#171): after an error the remaining
 * writes are dropped instead. The server ignores the CopyData it
 * already received after its error, and the connection stays usable.
 */
function detachOnError(stream: object): void {
  const internals = stream as CopyStreamInternals;
  const flushChunk = internals.flushChunk.bind(internals);
  const final = internals._final.bind(internals);
  internals.flushChunk = (chunk) => (internals.connection === null ? true : flushChunk(chunk));
  internals._final = (callback) => (internals.connection === null ? undefined : final(callback));
}
