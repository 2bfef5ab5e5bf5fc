// One usage event in the spool: a line `<crc32 hex>\t<version>\t<fields>\n`. The CRC
// covers the payload (version and fields) as UTF-8 bytes, so a torn or damaged record is
// recognised and skipped instead of being half-counted. The fields are a request_log
// COPY row without its batch id (REQUEST_LOG_COPY_COLUMNS from @tollgate/db, after
// `batchId`): a batch is `<batch id>\t<fields>\n` per line, sliced out of the spool.
// Version 4 has 20 fields: `count` (the requests a folded event stands for), `outcome`
// (usageOutcome from @tollgate/domain) and `upstreamVersion` (the version a traffic split
// chose, empty for none) last. Lines of spools written before still load: version 3 (19
// fields, no upstream version), version 2 (18, no outcome either) and version 1 (17, no
// count either), as count 1, the outcome their status implies and no upstream version.
import { crc32 } from 'node:zlib';
import { RollupAccumulator, type RollupEvent, type RollupRow } from '@tollgate/db';
import { isUsageOutcome, usageOutcome } from '@tollgate/domain';

export const SPOOL_RECORD_VERSION = '4';
/** Tabs after the version: between and around the fields, per version. */
const FIELD_TABS = 20;
const V3_FIELD_TABS = 19;
const V2_FIELD_TABS = 18;
const V1_FIELD_TABS = 17;
/** `\t1\t<outcome>\t` (at most 15 bytes) replaces the 11 bytes of CRC and version on a version 1 line. */
const OLDER_LINE_GROWTH = 4;
const TAB = 9;
const NEWLINE = 10;
const FIELD_TABS_OF_VERSION: Readonly<Record<number, number>> = {
  [SPOOL_RECORD_VERSION.charCodeAt(0)]: FIELD_TABS,
  ['3'.charCodeAt(0)]: V3_FIELD_TABS,
  ['2'.charCodeAt(0)]: V2_FIELD_TABS,
  ['1'.charCodeAt(0)]: V1_FIELD_TABS,
};

// Field numbers after the version (0-based), in request_log COPY order.
const TIME = 1;
const API = 3;
const ROUTE = 4;
const APP = 5;
const KEY = 6;
const SUBSCRIPTION = 7;
const PLAN = 8;
const STATUS = 11;
const LATENCY = 12;
const BYTES_IN = 13;
const BYTES_OUT = 14;
const UNITS = 15;
const COUNT = 17;
const OUTCOME = 18;
const UPSTREAM_VERSION = 19;

/** Frames a payload (the version and fields, already free of tabs, newlines, CR, 0x1f and NUL) as a spool line. */
export function frameSpoolRecord(payload: string): string {
  return `${(crc32(payload) >>> 0).toString(16).padStart(8, '0')}\t${payload}\n`;
}

export interface DecodedChunk {
  /** Events in the batch. */
  events: number;
  /** Offset (within the chunk) just past each event's line. */
  ends: number[];
  /** Bytes of complete lines looked at (events and skipped lines). */
  consumed: number;
  /** Lines skipped because their CRC or shape was wrong. */
  corrupt: number;
  /** The events as request_log COPY rows, each starting with the batch id. */
  rows: Buffer;
  /** ISO times of the earliest and the latest event ('' when none). */
  firstAt: string;
  lastAt: string;
  rollups: RollupRow[];
}

/** Lines decoded between two yields to the event loop: a large batch never holds up requests for long. */
const LINES_PER_SLICE = 256;

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Turns the complete lines of `chunk` (at most `maxEvents` events) into one batch: the
 * COPY rows are slices of the spool behind the batch id, and only the fields the rollups
 * need are read. An incomplete last line is left unconsumed. Runs on the gateway's
 * event loop, so it lets requests through every LINES_PER_SLICE lines.
 */
export async function decodeSpoolChunk(chunk: Buffer, maxEvents: number, batchId: string): Promise<DecodedChunk> {
  const prefix = Buffer.from(`${batchId}\t`);
  // A row is at most OLDER_LINE_GROWTH bytes longer than its line (the CRC and version go, the prefix and an older line's missing fields come).
  const rows = Buffer.allocUnsafe(chunk.length + Math.min(maxEvents, Math.floor(chunk.length / 12)) * (prefix.length + OLDER_LINE_GROWTH));
  const rollups = new RollupAccumulator();
  const event: RollupEvent = { minute: '', apiId: '', routeKey: '', appId: '', keyId: '', subscriptionId: '', planId: '', upstreamVersion: '', status: 0, latencyMs: 0, bytesIn: 0, bytesOut: 0, units: 0, count: 1 };
  const tabs = new Int32Array(FIELD_TABS + 1);
  const ends: number[] = [];
  let firstAt = '';
  let lastAt = '';
  let written = 0;
  let pos = 0;
  let corrupt = 0;
  let lines = 0;
  while (ends.length < maxEvents && pos < chunk.length) {
    if (++lines % LINES_PER_SLICE === 0) await yieldToRequests();
    const end = chunk.indexOf(NEWLINE, pos);
    if (end < 0) break;
    const fieldTabs = recordFieldTabs(chunk, pos, end, tabs);
    if (fieldTabs === 0) {
      corrupt++;
      pos = end + 1;
      continue;
    }
    // tabs[0] is the tab after the version; tabs[i] ends field i-1; tabs[fieldTabs] is the newline.
    const status = number(chunk, tabs, STATUS);
    const outcome = fieldTabs >= V3_FIELD_TABS ? text(chunk, tabs, OUTCOME, 'latin1') : usageOutcome(status);
    if (!isUsageOutcome(outcome)) {
      corrupt++;
      pos = end + 1;
      continue;
    }
    written += prefix.copy(rows, written);
    if (fieldTabs === FIELD_TABS) written += chunk.copy(rows, written, tabs[0]! + 1, end + 1);
    else {
      // An older line: the fields it lacks, as they were meant.
      written += chunk.copy(rows, written, tabs[0]! + 1, end);
      written += rows.write(`${fieldTabs === V1_FIELD_TABS ? '\t1' : ''}${fieldTabs === V3_FIELD_TABS ? '' : `\t${outcome}`}\t\n`, written, 'latin1');
    }
    const time = text(chunk, tabs, TIME, 'latin1');
    if (firstAt === '' || time < firstAt) firstAt = time;
    if (time > lastAt) lastAt = time;
    event.apiId = text(chunk, tabs, API, 'latin1');
    if (event.apiId !== '') {
      event.minute = time.slice(0, 16);
      event.routeKey = text(chunk, tabs, ROUTE, 'utf8');
      event.appId = text(chunk, tabs, APP, 'latin1');
      event.keyId = text(chunk, tabs, KEY, 'latin1');
      event.subscriptionId = text(chunk, tabs, SUBSCRIPTION, 'latin1');
      event.planId = text(chunk, tabs, PLAN, 'latin1');
      event.status = status;
      event.outcome = outcome;
      event.upstreamVersion = fieldTabs === FIELD_TABS ? text(chunk, tabs, UPSTREAM_VERSION, 'utf8') : '';
      event.latencyMs = number(chunk, tabs, LATENCY);
      event.bytesIn = number(chunk, tabs, BYTES_IN);
      event.bytesOut = number(chunk, tabs, BYTES_OUT);
      event.units = number(chunk, tabs, UNITS);
      event.count = fieldTabs === V1_FIELD_TABS ? 1 : number(chunk, tabs, COUNT);
      rollups.add(event);
    }
    ends.push(end + 1);
    pos = end + 1;
  }
  return { events: ends.length, ends, consumed: pos, corrupt, rows: rows.subarray(0, written), firstAt, lastAt, rollups: rollups.rows() };
}

/**
 * CRC and shape (`<8 hex>\t<version>\t` and the version's fields) of the line [start, end);
 * fills `tabs` with the field boundaries and returns the version's FIELD_TABS, or 0 when
 * the line is not a record.
 */
function recordFieldTabs(chunk: Buffer, start: number, end: number, tabs: Int32Array): number {
  const payload = start + 9;
  if (end - start < 12 || chunk[start + 8] !== TAB || chunk[payload + 1] !== TAB) return 0;
  const fieldTabs = FIELD_TABS_OF_VERSION[chunk[payload]!];
  if (fieldTabs === undefined) return 0;
  const expected = lowerHex(chunk, start, start + 8);
  if (expected < 0 || crc32(chunk.subarray(payload, end)) >>> 0 !== expected) return 0;
  tabs[0] = payload + 1;
  let count = 1;
  for (let i = payload + 2; i < end; i++) {
    if (chunk[i] !== TAB) continue;
    if (count > fieldTabs - 1) return 0;
    tabs[count++] = i;
  }
  if (count !== fieldTabs) return 0;
  tabs[fieldTabs] = end;
  return fieldTabs;
}

/**
 * The number written as lower-case hex digits in [start, end), or -1. Stricter than parseInt,
 * which also takes upper case, a sign or a leading space: a changed byte in the CRC is then
 * always a damaged record, never the same value written another way.
 */
function lowerHex(chunk: Buffer, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const byte = chunk[i]!;
    const digit = byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : byte >= 0x61 && byte <= 0x66 ? byte - 0x57 : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

function text(chunk: Buffer, tabs: Int32Array, field: number, encoding: 'latin1' | 'utf8'): string {
  return chunk.toString(encoding, tabs[field]! + 1, tabs[field + 1]!);
}

/** A plain decimal (digits, at most one '.') read from the bytes; anything else through Number(). */
function number(chunk: Buffer, tabs: Int32Array, field: number): number {
  const start = tabs[field]! + 1;
  const end = tabs[field + 1]!;
  let value = 0;
  let scale = 0;
  for (let i = start; i < end; i++) {
    const c = chunk[i]!;
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      if (scale !== 0) scale *= 10;
    } else if (c === 46 && scale === 0) scale = 1;
    else return Number(chunk.toString('latin1', start, end));
  }
  if (start === end) return Number.NaN;
  return scale > 1 ? value / scale : value;
}
