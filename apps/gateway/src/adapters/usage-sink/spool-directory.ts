// The files of one spool directory: numbered segments, the committed offset, the spool
// id and the lock that keeps a second gateway out of a directory in use.
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { StartupError } from '../../startup-error';

const SEGMENT = /^segment-(\d{12})\.spool$/;

export interface CommittedOffset {
  readonly segment: number;
  readonly offset: number;
}

export function segmentPath(dir: string, seq: number): string {
  return join(dir, `segment-${String(seq).padStart(12, '0')}.spool`);
}

/** Segment numbers present, ascending. */
export function listSegments(dir: string): number[] {
  const seqs: number[] = [];
  for (const name of readdirSync(dir)) {
    const match = SEGMENT.exec(name);
    if (match) seqs.push(Number(match[1]));
  }
  return seqs.sort((a, b) => a - b);
}

/**
 * The spool's own id, made once: batch ids derive from it, so a restarted gateway (with
 * another instance id) replaying the same spool produces the same batch ids.
 */
export function readSpoolId(dir: string): string {
  const file = join(dir, 'spool-id');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    const id = randomUUID();
    writeAtomically(file, `${id}\n`);
    return id;
  }
}

export function readCommittedOffset(dir: string): CommittedOffset | null {
  try {
    const parsed = JSON.parse(readFileSync(join(dir, 'committed.json'), 'utf8')) as Partial<CommittedOffset>;
    if (Number.isSafeInteger(parsed.segment) && Number.isSafeInteger(parsed.offset)) return { segment: parsed.segment!, offset: parsed.offset! };
  } catch {
    // absent or unreadable: start from the oldest segment (replays are recognised by batch id)
  }
  return null;
}

/** Off the event loop (the flusher awaits it): the fsync never holds up requests. */
export async function writeCommittedOffset(dir: string, committed: CommittedOffset): Promise<void> {
  const file = join(dir, 'committed.json');
  const tmp = `${file}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(JSON.stringify(committed));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
}

/** Write to a temporary file, fsync, rename over: readers see the old or the new content, never half. */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/** Lock files this process holds (a container restarted as pid 1 finds its predecessor's pid 1 lock: stale). */
const held = new Set<string>();

/** Takes the directory for this process; fails when a live process (or this one) holds it. */
export function lockSpoolDirectory(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      held.add(file);
      return () => {
        held.delete(file);
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8'));
      if (owner === process.pid ? held.has(file) : isAlive(owner)) {
        throw new StartupError(`the usage spool ${dir} is in use by process ${owner}; give each gateway its own GATEWAY_SPOOL_DIR (or GATEWAY_INSTANCE_ID)`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new StartupError(`could not lock the usage spool ${dir}`);
}

function isAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
