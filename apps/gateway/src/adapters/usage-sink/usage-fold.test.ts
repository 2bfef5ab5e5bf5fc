import { describe, expect, it } from 'vitest';
import { decodeSpoolChunk } from './spool-record';
import { type FoldedEvent, UsageFold } from './usage-fold';

const event = (clientIp: string, overrides: Partial<FoldedEvent> = {}): FoldedEvent => ({
  clientIp,
  apiId: '6f1c1b7e-3f5a-4d55-9a59-1d2c9c1d0e11',
  routeKey: 'GET /r/{id}',
  status: 401,
  outcome: 'authFailed',
  method: 'GET',
  path: '/r/1',
  latencyMs: 2,
  bytesIn: 0,
  bytesOut: 100,
  ...overrides,
});

function fold(maxRows = 100) {
  const lines: string[] = [];
  let now = Date.parse('2026-11-22T10:00:10.000Z');
  const folded = new UsageFold({ gatewayId: 'gw', maxRows, emit: (line) => lines.push(line), clock: () => now });
  return { folded, lines, advance: (ms: number) => (now += ms) };
}

/** The lines as request_log COPY rows, decoded as the flusher decodes them. */
async function rows(lines: string[]) {
  const decoded = await decodeSpoolChunk(Buffer.from(lines.join('')), 1_000, 'b');
  expect(decoded.corrupt).toBe(0);
  return decoded.rows
    .toString()
    .trimEnd()
    .split('\n')
    .map((row) => row.split('\t'))
    .map((f) => ({ time: f[2], clientIp: f[17], status: f[12], latencyMs: f[13], bytesOut: f[15], units: f[16], count: f[18], outcome: f[19] }));
}

describe('UsageFold', () => {
  it('holds one row per address, route and status, and writes it when the minute closes', async () => {
    const { folded, lines, advance } = fold();
    for (let i = 0; i < 300; i++) folded.add(event('198.51.100.1', { latencyMs: i % 2 === 0 ? 1 : 3 }));
    folded.add(event('198.51.100.1', { status: 429, outcome: 'authFailed' }));
    folded.add(event('198.51.100.2'));
    expect(folded.size).toBe(3);
    expect(lines).toEqual([]);
    advance(60_000);
    folded.add(event('198.51.100.1'));
    expect(await rows(lines)).toEqual([
      { time: '2026-11-22T10:00:10.000Z', clientIp: '198.51.100.1', status: '401', latencyMs: '2', bytesOut: '30000', units: '0', count: '300', outcome: 'authFailed' },
      { time: '2026-11-22T10:00:10.000Z', clientIp: '198.51.100.1', status: '429', latencyMs: '2', bytesOut: '100', units: '0', count: '1', outcome: 'authFailed' },
      { time: '2026-11-22T10:00:10.000Z', clientIp: '198.51.100.2', status: '401', latencyMs: '2', bytesOut: '100', units: '0', count: '1', outcome: 'authFailed' },
    ]);
    lines.length = 0;
    folded.drain();
    expect(await rows(lines)).toMatchObject([{ time: '2026-11-22T10:01:10.000Z', count: '1' }]);
  });

  it('holds at most maxRows rows, writing the oldest early when an address beyond them arrives', () => {
    const { folded, lines } = fold(50);
    for (let i = 0; i < 1_000; i++) folded.add(event(`10.0.${i >> 8}.${i & 255}`));
    expect(folded.size).toBe(50);
    expect(lines).toHaveLength(950);
  });
});
