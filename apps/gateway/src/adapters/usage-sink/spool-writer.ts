import { closeSync, fsync, ftruncateSync, openSync, rmSync, statfs, statSync, writeSync } from 'node:fs';
import type { Logger } from 'pino';
import { listSegments, segmentPath } from './spool-directory';
import type { UsageMetrics } from './usage-metrics';

/** While the disk is full, its free space is looked at this often. */
const DISK_PROBE_MS = 1_000;
/** Free space on the spool's filesystem that counts as room again (a few large writes). */
export const RESUME_FREE_BYTES = 1024 * 1024;

export interface SpoolWriterOptions {
  readonly dir: string;
  /** Appends are refused (and counted as dropped) past this many bytes on disk. */
  readonly maxBytes: number;
  /** A segment is sealed and a new one started past this size. */
  readonly segmentBytes: number;
  /** fsync the active segment this often when it changed; 0 leaves it to the OS. */
  readonly fsyncMs: number;
  readonly log: Logger;
  readonly metrics: UsageMetrics;
  /** How often a full disk is probed for free space again (ms). */
  readonly diskProbeMs?: number;
}

/**
 * Appends spool lines to numbered segment files with a synchronous write(2): once
 * append() returns, the line is in the OS page cache and survives the process being
 * killed. Each start opens a new segment, so a torn line left by a crash is only ever at
 * the end of a sealed segment. When the disk refuses a write (full, or failing), the bytes
 * of that write are cut off again, the segment is sealed and the writer reports `diskFull`
 * (the gateway then sheds billable requests) until the filesystem has room again.
 */
export class SpoolWriter {
  #fd = -1;
  #active = 0;
  #position = 0;
  #diskBytes = 0;
  #dirty = false;
  #warned = false;
  #diskFull = false;
  #probe: NodeJS.Timeout | null = null;
  readonly #sizes = new Map<number, number>();
  readonly #fsyncTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: SpoolWriterOptions) {
    const existing = listSegments(options.dir);
    for (const seq of existing) {
      const size = statSync(segmentPath(options.dir, seq)).size;
      this.#sizes.set(seq, size);
      this.#diskBytes += size;
    }
    this.#open((existing.at(-1) ?? 0) + 1);
    if (options.fsyncMs > 0) {
      this.#fsyncTimer = setInterval(() => this.#sync(), options.fsyncMs);
      this.#fsyncTimer.unref();
    }
    options.metrics.spoolBytes.set(this.#diskBytes);
  }

  get activeSegment(): number {
    return this.#active;
  }

  get diskBytes(): number {
    return this.#diskBytes;
  }

  /** A write failed and the filesystem has not had room since: appends are refused. */
  get diskFull(): boolean {
    return this.#diskFull;
  }

  /** Segment numbers on disk, ascending (the active one last). */
  segments(): number[] {
    return [...this.#sizes.keys()].sort((a, b) => a - b);
  }

  /** Bytes in a segment; for the active one, what has been written so far (always whole lines). */
  sizeOf(seq: number): number {
    return this.#sizes.get(seq) ?? 0;
  }

  /** Writes `count` whole lines with one write(2); false when the spool is full (the events are dropped and counted). */
  append(lines: string, count: number): boolean {
    if (this.#diskBytes >= this.options.maxBytes || this.#diskFull) {
      this.options.metrics.dropped.inc(count);
      return false;
    }
    if (count > 1 && this.#diskBytes + lines.length > this.options.maxBytes) return this.#appendUntilFull(lines, count);
    let written: number;
    try {
      written = writeSync(this.#fd, lines);
      if (written < Buffer.byteLength(lines)) throw Object.assign(new Error(`short write: ${written} bytes written`), { code: 'ENOSPC' });
    } catch (error) {
      this.#writeFailed(error, count);
      return false;
    }
    this.#position += written;
    this.#diskBytes += written;
    this.#sizes.set(this.#active, this.#position);
    this.#dirty = true;
    if (this.#position >= this.options.segmentBytes) this.#rotate();
    if (!this.#warned && this.#diskBytes > this.options.maxBytes * 0.8) this.#warnFull();
    return true;
  }

  /** Near the bound: line by line, so the bound is kept to the line and the rest is dropped and counted. */
  #appendUntilFull(lines: string, count: number): boolean {
    let written = 0;
    for (const line of lines.split('\n')) {
      if (line === '') continue;
      if (!this.append(`${line}\n`, 1)) break;
      written++;
    }
    if (written < count) this.options.metrics.dropped.inc(count - written - 1);
    return written > 0;
  }

  /** Deletes a sealed segment whose events are all committed. */
  release(seq: number): void {
    if (seq === this.#active) return;
    const size = this.#sizes.get(seq);
    if (size === undefined) return;
    rmSync(segmentPath(this.options.dir, seq), { force: true });
    this.#sizes.delete(seq);
    this.#diskBytes -= size;
    if (this.#warned && this.#diskBytes < this.options.maxBytes * 0.5) this.#warned = false;
    this.options.metrics.spoolBytes.set(this.#diskBytes);
  }

  /** Seals the active segment (new appends go to a fresh one). */
  rotate(): void {
    if (this.#position > 0) this.#rotate();
  }

  close(): void {
    if (this.#fsyncTimer !== null) clearInterval(this.#fsyncTimer);
    if (this.#probe !== null) clearTimeout(this.#probe);
    if (this.#fd >= 0) closeSync(this.#fd);
    this.#fd = -1;
  }

  /** Called by the flusher after every batch: refreshes the gauge. */
  report(): void {
    this.options.metrics.spoolBytes.set(this.#diskBytes);
  }

  #open(seq: number): void {
    this.#fd = openSync(segmentPath(this.options.dir, seq), 'wx');
    this.#active = seq;
    this.#position = 0;
    this.#sizes.set(seq, 0);
  }

  #rotate(): void {
    const fd = this.#fd;
    this.#open(this.#active + 1);
    this.#dirty = false;
    fsync(fd, () => closeSync(fd));
  }

  /**
   * The disk refused a write: whatever part of it landed is cut off (the segment ends with
   * whole lines), the segment is sealed so the flusher can delete it once it is stored,
   * and appends are refused until the filesystem has room again.
   */
  #writeFailed(error: unknown, count: number): void {
    this.options.metrics.dropped.inc(count);
    try {
      ftruncateSync(this.#fd, this.#position);
      if (this.#position > 0) this.#rotate();
    } catch (cleanup) {
      this.options.log.error({ err: cleanup }, 'usage spool: the failed write could not be cut off; a torn line may follow');
    }
    if (this.#diskFull) return;
    this.#diskFull = true;
    this.options.metrics.diskFull.set(1);
    this.options.log.error(
      { err: error, events: count, dir: this.options.dir },
      'USAGE SPOOL DISK FULL (or failing): usage events cannot be written; billable requests are answered 503 until the disk has room again',
    );
    this.#probeLater();
  }

  #probeLater(): void {
    this.#probe = setTimeout(() => {
      statfs(this.options.dir, (error, stats) => {
        if (this.#fd < 0) return;
        if (error !== null || stats.bavail * stats.bsize < RESUME_FREE_BYTES) return this.#probeLater();
        this.#diskFull = false;
        this.#probe = null;
        this.options.metrics.diskFull.set(0);
        this.options.log.warn({ dir: this.options.dir, freeBytes: stats.bavail * stats.bsize }, 'usage spool disk has room again: billable requests are served again');
      });
    }, this.options.diskProbeMs ?? DISK_PROBE_MS);
    this.#probe.unref();
  }

  #sync(): void {
    if (!this.#dirty || this.#fd < 0) return;
    this.#dirty = false;
    fsync(this.#fd, () => {});
  }

  #warnFull(): void {
    this.#warned = true;
    this.options.log.error(
      { spoolBytes: this.#diskBytes, maxBytes: this.options.maxBytes, dir: this.options.dir },
      `USAGE SPOOL ABOVE 80% OF GATEWAY_SPOOL_MAX_BYTES: usage events are not reaching PostgreSQL; at 100% new events are DROPPED (not billed)`,
    );
  }
}
