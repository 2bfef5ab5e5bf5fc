import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { UsageStore } from '@tollgate/db';
import type { Logger } from 'pino';
import { readCommittedOffset, segmentPath, writeCommittedOffset, type CommittedOffset } from './spool-directory';
import { decodeSpoolChunk } from './spool-record';
import type { SpoolWriter } from './spool-writer';
import type { UsageMetrics } from './usage-metrics';

/** Largest read from a segment at once. */
const MAX_READ_BYTES = 16 * 1024 * 1024;
/** While PostgreSQL fails, one warning per this period. */
const WARN_EVERY_MS = 30_000;

export interface UsageFlusherOptions {
  readonly dir: string;
  readonly spoolId: string;
  readonly gatewayId: string;
  readonly writer: SpoolWriter;
  readonly store: UsageStore;
  readonly batchEvents: number;
  readonly log: Logger;
  readonly metrics: UsageMetrics;
}

/**
 * Moves committed spool ranges into PostgreSQL. A batch is the events of one segment
 * from one offset; its id is `<spool id>:<segment>:<offset>`, so the same range always
 * has the same id. The committed offset advances only after the batch's transaction
 * committed; when a replay finds its id stored, the events it counted are skipped.
 */
export class UsageFlusher {
  #committed: CommittedOffset;
  #failingSince = 0;
  #lastWarn = 0;

  constructor(private readonly options: UsageFlusherOptions) {
    this.#committed = readCommittedOffset(options.dir) ?? { segment: options.writer.segments()[0] ?? 0, offset: 0 };
  }

  get committed(): CommittedOffset {
    return this.#committed;
  }

  /** Flushes everything written so far. Resolves false when PostgreSQL failed (the events stay in the spool). */
  async flush(): Promise<boolean> {
    try {
      await this.#drain();
      if (this.#failingSince !== 0) {
        this.options.log.info({ downMs: Date.now() - this.#failingSince }, 'usage flush recovered: spool draining into PostgreSQL again');
        this.#failingSince = 0;
      }
      return true;
    } catch (error) {
      this.options.metrics.flushFailures.inc();
      const now = Date.now();
      if (this.#failingSince === 0) this.#failingSince = now;
      if (now - this.#lastWarn >= WARN_EVERY_MS) {
        this.#lastWarn = now;
        this.options.log.warn(
          { err: error, spoolBytes: this.options.writer.diskBytes },
          'usage flush failed: events stay in the spool and are retried',
        );
      }
      return false;
    } finally {
      this.options.writer.report();
    }
  }

  async #drain(): Promise<void> {
    const { writer } = this.options;
    // Only what the spool held when the flush began: events written meanwhile wait for the
    // next flush, so a busy gateway stores one large batch per interval, not a stream of small ones.
    const until = { segment: writer.activeSegment, size: writer.sizeOf(writer.activeSegment) };
    let want = this.options.batchEvents;
    for (;;) {
      const seq = writer.segments().find((s) => s >= this.#committed.segment);
      if (seq === undefined || seq > until.segment) return;
      let offset = seq === this.#committed.segment ? this.#committed.offset : 0;
      // A replay that must re-read a larger stored batch may look past `until`.
      const size = seq === until.segment && want === this.options.batchEvents ? until.size : writer.sizeOf(seq);
      // Segments before `until` were sealed when the flush began; `until` is treated as still being written.
      const sealed = seq < until.segment;
      if (offset >= size) {
        if (!sealed) return;
        writer.release(seq);
        await this.#commit({ segment: seq + 1, offset: 0 });
        continue;
      }
      const chunk = await readRange(segmentPath(this.options.dir, seq), offset, Math.min(size - offset, MAX_READ_BYTES));
      const batchId = `${this.options.spoolId}:${seq}:${offset}`;
      const decoded = await decodeSpoolChunk(chunk, want, batchId);
      this.options.metrics.corrupt.inc(decoded.corrupt);
      if (decoded.events === 0) {
        // Only damaged lines, or a torn last line of a sealed segment (left by a crash).
        const torn = decoded.consumed === 0 && sealed && offset + chunk.length >= size;
        if (decoded.consumed === 0 && !torn) return;
        if (torn) {
          this.options.metrics.corrupt.inc();
          this.options.log.warn({ segment: seq, offset, bytes: size - offset }, 'usage spool: torn record at the end of a segment skipped');
        }
        await this.#commit({ segment: seq, offset: torn ? size : offset + decoded.consumed });
        continue;
      }
      let result;
      try {
        result = await this.options.store.ingest({
          id: batchId,
          gatewayId: this.options.gatewayId,
          rows: decoded.rows,
          eventCount: decoded.events,
          firstAt: decoded.firstAt,
          lastAt: decoded.lastAt,
          rollups: decoded.rollups,
        });
      } catch (error) {
        if (!isDataError(error)) throw error;
        await this.#setAside(batchId, chunk.subarray(0, decoded.ends.at(-1)), error);
        this.options.metrics.rejected.inc(decoded.events);
        offset += decoded.ends.at(-1)!;
        await this.#commit({ segment: seq, offset });
        continue;
      }
      if (result.stored) {
        this.options.metrics.flushed.inc(result.eventCount);
        offset += decoded.ends.at(-1)!;
      } else if (result.eventCount > decoded.events) {
        // Stored earlier as a larger batch: read that many events from the same offset.
        want = result.eventCount;
        continue;
      } else {
        this.options.metrics.replayed.inc(result.eventCount);
        offset += decoded.ends[result.eventCount - 1]!;
      }
      want = this.options.batchEvents;
      await this.#commit({ segment: seq, offset });
    }
  }

  async #commit(next: CommittedOffset): Promise<void> {
    this.#committed = next;
    await writeCommittedOffset(this.options.dir, next);
  }

  async #setAside(batchId: string, bytes: Buffer, error: unknown): Promise<void> {
    const file = join(this.options.dir, `rejected-${batchId.replaceAll(':', '-')}.spool`);
    await writeFile(file, bytes);
    this.options.log.error({ err: error, file, batchId }, 'usage batch refused by PostgreSQL as invalid data: set aside, not counted');
  }
}

async function readRange(file: string, offset: number, length: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) {
      const { bytesRead } = await handle.read(buffer, read, length - read, offset + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return buffer.subarray(0, read);
  } finally {
    await handle.close();
  }
}

/** SQLSTATE classes 22 (data exception) and 23 (integrity): retrying the same batch can never succeed. */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}
