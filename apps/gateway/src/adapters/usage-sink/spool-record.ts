// One usage event in the spool: a line `<crc32 hex>\t<payload>\n`, where the payload is
// the version and 17 tab-separated fields. The CRC covers the payload's UTF-8 bytes, so
// a torn or damaged record is recognised and skipped instead of being half-counted.
import { crc32 } from 'node:zlib';
import type { UsageEventColumns } from '@tollgate/db';

export const SPOOL_RECORD_VERSION = '1';
const FIELDS = 18;
const TAB = 9;
const NEWLINE = 10;

/** Frames a payload (fields already free of tabs and newlines) as a spool line. */
export function frameSpoolRecord(payload: string): string {
  return `${(crc32(payload) >>> 0).toString(16).padStart(8, '0')}\t${payload}\n`;
}

export interface DecodedChunk {
  /** Events appended to the columns. */
  events: number;
  /** Offset (within the chunk) just past each decoded event's line. */
  ends: number[];
  /** Bytes of complete lines looked at (events and skipped lines). */
  consumed: number;
  /** Lines skipped because their CRC or shape was wrong. */
  corrupt: number;
}

/** Decodes complete lines of `chunk` into `into`, at most `maxEvents` events. An incomplete last line is left unconsumed. */
export function decodeSpoolChunk(chunk: Buffer, maxEvents: number, into: UsageEventColumns): DecodedChunk {
  const ends: number[] = [];
  let pos = 0;
  let corrupt = 0;
  while (ends.length < maxEvents && pos < chunk.length) {
    const end = chunk.indexOf(NEWLINE, pos);
    if (end < 0) break;
    if (!pushRecord(chunk, pos, end, into)) corrupt++;
    else ends.push(end + 1);
    pos = end + 1;
  }
  return { events: ends.length, ends, consumed: pos, corrupt };
}

function pushRecord(chunk: Buffer, start: number, end: number, into: UsageEventColumns): boolean {
  if (end - start < 10 || chunk[start + 8] !== TAB) return false;
  const expected = Number.parseInt(chunk.toString('latin1', start, start + 8), 16);
  if (Number.isNaN(expected) || crc32(chunk.subarray(start + 9, end)) >>> 0 !== expected) return false;
  const f = chunk.toString('utf8', start + 9, end).split('\t');
  if (f.length !== FIELDS || f[0] !== SPOOL_RECORD_VERSION) return false;
  into.id.push(f[1]!);
  into.time.push(f[2]!);
  into.gatewayId.push(f[3]!);
  into.apiId.push(f[4]!);
  into.routeKey.push(f[5]!);
  into.appId.push(f[6]!);
  into.keyId.push(f[7]!);
  into.subscriptionId.push(f[8]!);
  into.planId.push(f[9]!);
  into.method.push(f[10]!);
  into.path.push(f[11]!);
  into.status.push(Number(f[12]));
  into.latencyMs.push(Number(f[13]));
  into.bytesIn.push(Number(f[14]));
  into.bytesOut.push(Number(f[15]));
  into.units.push(Number(f[16]));
  into.clientIp.push(f[17]!);
  return true;
}
