// Properties of the spool's line format, over arbitrary input: decoding never throws and
// never reads past a complete line, whatever the bytes; a framed record of copy-safe fields
// decodes to exactly its fields behind the batch id; one flipped byte is never half-counted.
import { copySafeText } from '@tollgate/db';
import { USAGE_OUTCOMES } from '@tollgate/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSpoolChunk, frameSpoolRecord, SPOOL_RECORD_VERSION } from './spool-record';

/** Any text, as the gateway writes it into a field (through copySafeText). */
const field = fc.string({ unit: 'grapheme', maxLength: 12 }).map(copySafeText);
const uuid = fc.uuid();
const record = fc.record({
  id: field,
  time: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString()),
  api: fc.option(uuid, { nil: '' }),
  route: field,
  app: fc.option(uuid, { nil: '' }),
  method: field,
  path: field,
  status: fc.integer({ min: 100, max: 599 }),
  latency: fc.integer({ min: 0, max: 10_000_000 }).map((micros) => micros / 1000),
  bytesIn: fc.nat(),
  bytesOut: fc.nat(),
  units: fc.nat({ max: 1000 }),
  ip: field,
  count: fc.integer({ min: 1, max: 1000 }),
  outcome: fc.constantFrom(...USAGE_OUTCOMES),
  upstreamVersion: field,
});
type Record_ = typeof record extends fc.Arbitrary<infer T> ? T : never;

const fieldsOf = (r: Record_) => [r.id, r.time, 'gw', r.api, r.route, r.app, '', '', '', r.method, r.path, String(r.status), String(r.latency), String(r.bytesIn), String(r.bytesOut), String(r.units), r.ip, String(r.count), r.outcome, r.upstreamVersion];

describe('spool records (properties)', () => {
  it('decoding arbitrary bytes never throws and consumes only complete lines', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.integer({ min: 1, max: 50 }), async (bytes, max) => {
        const chunk = Buffer.from(bytes);
        const decoded = await decodeSpoolChunk(chunk, max, 'b');
        expect(decoded.consumed).toBeLessThanOrEqual(chunk.length);
        expect(decoded.consumed === 0 || chunk[decoded.consumed - 1] === 10).toBe(true);
        expect(decoded.events).toBeLessThanOrEqual(max);
      }),
      { numRuns: 300 },
    );
  });

  it('a framed record decodes to its fields behind the batch id', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 8 }), async (records) => {
        const chunk = Buffer.from(records.map((r) => frameSpoolRecord([SPOOL_RECORD_VERSION, ...fieldsOf(r)].join('\t'))).join(''));
        const decoded = await decodeSpoolChunk(chunk, 100, 's:1:0');
        expect(decoded).toMatchObject({ events: records.length, corrupt: 0, consumed: chunk.length });
        expect(decoded.rows.toString()).toBe(records.map((r) => `s:1:0\t${fieldsOf(r).join('\t')}\n`).join(''));
      }),
      { numRuns: 200 },
    );
  });

  it('a CRC written another way (upper case, a sign, a leading space) is a damaged record', async () => {
    // A record whose CRC starts with 0 and holds a letter, so each other way of writing it parses to the same number.
    const payloadOf = (n: number) => [SPOOL_RECORD_VERSION, `id-${n}`, '2026-01-01T00:00:00.000Z', 'gw', '', 'GET /x', '', '', '', '', 'GET', '/x', '200', '1', '0', '0', '1', '', '1', 'success', ''].join('\t');
    let n = 0;
    while (!/^0[0-9a-f]*[a-f]/.test(frameSpoolRecord(payloadOf(n)))) n += 1;
    const line = frameSpoolRecord(payloadOf(n));
    expect(await decodeSpoolChunk(Buffer.from(line), 10, 'b')).toMatchObject({ events: 1, corrupt: 0 });
    const crc = line.slice(0, 8);
    for (const written of [crc.toUpperCase(), `+${crc.slice(1)}`, ` ${crc.slice(1)}`]) {
      expect(Number.parseInt(written, 16)).toBe(Number.parseInt(crc, 16));
      const decoded = await decodeSpoolChunk(Buffer.from(written + line.slice(8)), 10, 'b');
      expect(decoded, written).toMatchObject({ events: 0, corrupt: 1 });
    }
  });

  it('a record with one byte changed is skipped whole, never counted', async () => {
    await fc.assert(
      fc.asyncProperty(record, fc.nat(), fc.integer({ min: 1, max: 255 }), async (r, at, delta) => {
        const line = Buffer.from(frameSpoolRecord([SPOOL_RECORD_VERSION, ...fieldsOf(r)].join('\t')));
        const index = at % (line.length - 1);
        line[index] = (line[index]! + delta) % 256;
        if (line.indexOf(10) !== line.length - 1) return; // the change made a second line: another property
        const decoded = await decodeSpoolChunk(line, 10, 'b');
        expect(decoded.events).toBe(0);
        expect(decoded.corrupt).toBe(1);
      }),
      { numRuns: 300 },
    );
  });
});
