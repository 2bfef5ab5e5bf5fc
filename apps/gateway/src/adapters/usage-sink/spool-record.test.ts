import { REQUEST_LOG_COPY_COLUMNS } from '@tollgate/db';
import { describe, expect, it } from 'vitest';
import { decodeSpoolChunk, frameSpoolRecord } from './spool-record';

const API = '6f1c1b7e-3f5a-4d55-9a59-1d2c9c1d0e11';
const APP = '0b8e9c0e-9d41-4bb5-8a43-3f0a0f6f2d22';

function fields(id: string, overrides: Partial<Record<'time' | 'api' | 'status' | 'latency' | 'count' | 'outcome' | 'upstreamVersion', string>> = {}): string[] {
  const time = overrides.time ?? '2026-11-22T10:01:02.345Z';
  return [id, time, 'gw', overrides.api ?? API, 'GET /r/{id}', APP, '', '', '', 'GET', '/r/1', overrides.status ?? '200', overrides.latency ?? '12.5', '3', '40', '2', '::1', overrides.count ?? '1', overrides.outcome ?? 'success', overrides.upstreamVersion ?? 'canary'];
}
const spoolLine = (f: string[]) => frameSpoolRecord(['4', ...f].join('\t'));

describe('decodeSpoolChunk', () => {
  it('has one spool field per request_log COPY column after the batch id', () => {
    expect(fields('a')).toHaveLength(REQUEST_LOG_COPY_COLUMNS.length - 1);
  });

  it('slices COPY rows behind the batch id and folds the rollups', async () => {
    const a = fields('a');
    const b = fields('b', { time: '2026-11-22T10:00:59.999Z', status: '404', latency: '0.25', outcome: 'clientError' });
    const c = fields('c', { api: '' });
    const stable = fields('d', { upstreamVersion: 'stable' });
    const chunk = Buffer.from(spoolLine(a) + spoolLine(b) + spoolLine(c) + spoolLine(stable));
    const decoded = await decodeSpoolChunk(chunk, 10, 's:1:0');
    expect(decoded).toMatchObject({ events: 4, corrupt: 0, consumed: chunk.length, firstAt: '2026-11-22T10:00:59.999Z', lastAt: '2026-11-22T10:01:02.345Z' });
    expect(decoded.rows.toString()).toBe([a, b, c, stable].map((f) => `s:1:0\t${f.join('\t')}\n`).join(''));
    expect(decoded.ends).toEqual([spoolLine(a).length, spoolLine(a).length + spoolLine(b).length, chunk.length - spoolLine(stable).length, chunk.length]);
    // The upstream version is a rollup dimension: the same minute on two versions is two rows.
    expect(decoded.rollups).toMatchObject([
      { minute: '2026-11-22T10:00:00.000Z', apiId: API, routeKey: 'GET /r/{id}', appId: APP, keyId: '', statusClass: 4, upstreamVersion: 'canary', count: 1, errors: 1, latencySumMs: 0.25 },
      { minute: '2026-11-22T10:01:00.000Z', statusClass: 2, upstreamVersion: 'canary', count: 1, units: 2, errors: 0, bytesIn: 3, bytesOut: 40, latencySumMs: 12.5 },
      { minute: '2026-11-22T10:01:00.000Z', statusClass: 2, upstreamVersion: 'stable', count: 1 },
    ]);
  });

  it('skips lines with a wrong CRC, version or field count, and leaves an incomplete last line', async () => {
    const good = spoolLine(fields('a'));
    const damaged = good.replace('/r/1', '/r/2');
    const version = frameSpoolRecord(['5', ...fields('b')].join('\t'));
    const short = frameSpoolRecord(['4', ...fields('c').slice(1)].join('\t'));
    const long = frameSpoolRecord(['4', ...fields('d'), 'x'].join('\t'));
    const outcome = spoolLine(fields('f', { outcome: 'teapot' }));
    const torn = spoolLine(fields('e')).slice(0, 30);
    const chunk = Buffer.from(damaged + version + good + short + long + outcome + 'garbage\n' + torn);
    const decoded = await decodeSpoolChunk(chunk, 10, 'b');
    expect(decoded).toMatchObject({ events: 1, corrupt: 6, consumed: chunk.length - torn.length });
    expect(decoded.rows.toString()).toBe(`b\t${fields('a').join('\t')}\n`);
  });

  it('loads version 1 lines (17 fields) with count 1, version 2 lines (18 fields) with the outcome their status implies, and version 3 lines (19) without an upstream version', async () => {
    const v3Fields = fields('d', { outcome: 'rateLimited', status: '429' }).slice(0, -1);
    const v2Fields = fields('a', { status: '503' }).slice(0, -2);
    const v1Fields = fields('c', { status: '429' }).slice(0, -3);
    const v3 = frameSpoolRecord(['3', ...v3Fields].join('\t'));
    const v2 = frameSpoolRecord(['2', ...v2Fields].join('\t'));
    const v1 = frameSpoolRecord(['1', ...v1Fields].join('\t'));
    const v1Short = frameSpoolRecord(['1', ...v1Fields.slice(1)].join('\t'));
    const chunk = Buffer.from(v1 + spoolLine(fields('b')) + v1Short + v2 + v3);
    const decoded = await decodeSpoolChunk(chunk, 10, 's:1:0');
    expect(decoded).toMatchObject({ events: 4, corrupt: 1 });
    expect(decoded.rows.toString()).toBe(
      `s:1:0\t${[...v1Fields, '1', 'clientError', ''].join('\t')}\ns:1:0\t${fields('b').join('\t')}\n` +
        `s:1:0\t${[...v2Fields, 'serverError', ''].join('\t')}\ns:1:0\t${[...v3Fields, ''].join('\t')}\n`,
    );
    expect(decoded.rollups.map(({ statusClass, outcome, upstreamVersion, count }) => ({ statusClass, outcome, upstreamVersion, count }))).toEqual([
      { statusClass: 2, outcome: 'success', upstreamVersion: 'canary', count: 1 },
      { statusClass: 4, outcome: 'clientError', upstreamVersion: '', count: 1 },
      { statusClass: 4, outcome: 'rateLimited', upstreamVersion: '', count: 1 },
      { statusClass: 5, outcome: 'serverError', upstreamVersion: '', count: 1 },
    ]);
  });

  it('keeps a 429 from the rate limit and one from the quota apart in the rollups', async () => {
    const chunk = Buffer.from(
      spoolLine(fields('a', { status: '429', outcome: 'rateLimited' })) +
        spoolLine(fields('b', { status: '429', outcome: 'overQuota' })) +
        spoolLine(fields('c', { status: '429', outcome: 'overQuota' })),
    );
    const decoded = await decodeSpoolChunk(chunk, 10, 'b');
    expect(decoded.rollups.map(({ statusClass, outcome, count }) => ({ statusClass, outcome, count }))).toEqual([
      { statusClass: 4, outcome: 'overQuota', count: 2 },
      { statusClass: 4, outcome: 'rateLimited', count: 1 },
    ]);
  });

  it('counts a folded line as `count` requests in the rollups, its mean latency that many times', async () => {
    const folded = fields('a', { status: '401', latency: '0.5', count: '500' });
    const decoded = await decodeSpoolChunk(Buffer.from(spoolLine(folded)), 10, 's:1:0');
    expect(decoded.events).toBe(1);
    expect(decoded.rollups).toMatchObject([{ statusClass: 4, outcome: 'success', count: 500, errors: 500, latencySumMs: 250 }]);
    expect(decoded.rollups[0]!.latencyBuckets.reduce((a, b) => a + b, 0)).toBe(500);
  });

  it('stops at maxEvents', async () => {
    const chunk = Buffer.from(spoolLine(fields('a')) + spoolLine(fields('b')) + spoolLine(fields('c')));
    const decoded = await decodeSpoolChunk(chunk, 2, 'b');
    expect(decoded.events).toBe(2);
    expect(decoded.consumed).toBe(decoded.ends[1]);
    expect(decoded.rollups[0]!.count).toBe(2);
  });
});

describe('decodeSpoolChunk on the event loop', () => {
  it('lets timers run while it decodes a large batch', async () => {
    const lines = Array.from({ length: 5_000 }, (_, i) => frameSpoolRecord(`4\tid-${i}\t2026-11-22T10:00:00.000Z\tgw\t\t\t\t\t\t\tGET\t/x\t200\t1\t0\t0\t0\t\t1\tsuccess\t`));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const decoded = await decodeSpoolChunk(Buffer.from(lines.join('')), 10_000, 'b');
    clearInterval(timer);
    expect(decoded.events).toBe(5_000);
    expect(ticks).toBeGreaterThan(0);
  });
});
