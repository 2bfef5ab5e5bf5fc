// Traffic splitting through a real gateway to two real upstreams (stable and canary): the
// weights hold over many callers, each caller keeps its version, rules by header, cookie
// and plan win over the weights, a route's own split wins over the API's, and the chosen
// version reaches the access log and the request log.
import type { ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, createApiKey } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { eventually, startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let stable: TestUpstream;
let canary: TestUpstream;
let gateway: RunningGateway;
let client: Pool;
let freeKey: string;
let partnerKey: string;
const lines: Record<string, unknown>[] = [];

const named = (name: string) => (_req: unknown, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': name.length });
  res.end(name);
};

beforeAll(async () => {
  stable = await startTestUpstream(named('stable'));
  canary = await startTestUpstream(named('canary'));
  const config = ZConfigFile.parse({
    apis: [
      {
        slug: 'shop',
        name: 'Shop',
        basePath: '/shop',
        status: 'published',
        upstream: {
          targets: [
            { url: stable.url, version: 'stable' },
            { url: canary.url, version: 'canary' },
          ],
          split: {
            weights: { stable: 95, canary: 5 },
            rules: [{ header: 'X-Release', value: 'canary', version: 'canary' }, { cookie: 'release' }, { plans: ['partner'], version: 'canary' }],
            stickyCookie: 'visitor',
          },
        },
        routes: [
          { path: '/anon', auth: 'none' },
          { path: '/keyed' },
          { path: '/pinned', auth: 'none', split: { weights: { canary: 100 } } },
        ],
      },
    ],
    plans: [
      { slug: 'free', name: 'Free', apis: ['shop'] },
      { slug: 'partner', name: 'Partner', apis: ['shop'] },
    ],
    teams: [
      {
        slug: 'acme',
        name: 'Acme',
        apps: [
          { slug: 'free-app', name: 'Free App', subscriptions: [{ api: 'shop', plan: 'free' }] },
          { slug: 'partner-app', name: 'Partner App', subscriptions: [{ api: 'shop', plan: 'partner' }] },
        ],
      },
    ],
  });
  await applyConfig(t.db, config, { baseDir: process.cwd() });
  freeKey = (await createApiKey(t.db, { appSlug: 'free-app' })).key;
  partnerKey = (await createApiKey(t.db, { appSlug: 'partner-app' })).key;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  gateway = await startTestGateway(t.url, { LOG_LEVEL: 'info', GATEWAY_USAGE_FLUSH_MS: 100 }, { logDestination: sink });
  client = new Pool(gateway.url, { connections: 32 });
}, 60_000);

afterAll(async () => {
  await client?.close();
  await gateway?.close();
  await stable?.close();
  await canary?.close();
});

async function call(path: string, headers: Record<string, string> = {}): Promise<string> {
  const { statusCode, body } = await client.request({ method: 'GET', path, headers });
  const text = await body.text();
  expect(statusCode).toBe(200);
  return text;
}

/** Runs `count` calls, `width` at a time; returns how many each version answered. */
async function tally(count: number, width: number, headers: (i: number) => Record<string, string>, path = '/shop/anon'): Promise<Record<string, number>> {
  const seen: Record<string, number> = {};
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        const version = await call(path, headers(i));
        seen[version] = (seen[version] ?? 0) + 1;
      }
    }),
  );
  return seen;
}

describe('traffic split', () => {
  it('holds a 95/5 canary within 2 percentage points over 10,000 callers', async () => {
    const seen = await tally(10_000, 32, (i) => ({ cookie: `visitor=v-${i}` }));
    expect((seen.stable ?? 0) + (seen.canary ?? 0)).toBe(10_000);
    const share = (seen.canary ?? 0) / 10_000;
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.07);
  }, 180_000);

  it('keeps each caller on one version: one app for 100 calls, one visitor cookie, one address', async () => {
    expect(Object.keys(await tally(100, 8, () => ({ authorization: `Bearer ${freeKey}` }), '/shop/keyed'))).toHaveLength(1);
    for (const visitor of ['a', 'b', 'c', 'd']) expect(Object.keys(await tally(50, 8, () => ({ cookie: `visitor=${visitor}` })))).toHaveLength(1);
    expect(Object.keys(await tally(50, 8, () => ({})))).toHaveLength(1);
  }, 60_000);

  it('sends by header, cookie and plan before the weights, and by a route\'s own split', async () => {
    expect(await tally(20, 4, (i) => ({ 'x-release': 'canary', cookie: `visitor=h-${i}` }))).toEqual({ canary: 20 });
    expect(await tally(20, 4, (i) => ({ cookie: `release=canary; visitor=c-${i}` }))).toEqual({ canary: 20 });
    expect(await tally(20, 4, () => ({ cookie: 'release=stable' }))).toEqual({ stable: 20 });
    // A cookie naming no version falls through to the weights.
    expect(Object.keys(await tally(20, 4, () => ({ cookie: 'release=nightly; visitor=x' })))).toHaveLength(1);
    expect(await tally(20, 4, () => ({ authorization: `Bearer ${partnerKey}` }), '/shop/keyed')).toEqual({ canary: 20 });
    expect(await tally(20, 4, (i) => ({ cookie: `visitor=p-${i}` }), '/shop/pinned')).toEqual({ canary: 20 });
  }, 60_000);

  it('shows the chosen version in the access log, the request log and the rollups', async () => {
    const id = `split-${Date.now()}`;
    await call('/shop/pinned', { 'x-request-id': id });
    await eventually(async () => expect(lines.find((line) => line.requestId === id)).toMatchObject({ msg: 'request', api: 'shop', upstreamVersion: 'canary' }), 5_000);
    await eventually(async () => expect(await t.db.requestLog.findFirst({ where: { id } })).toMatchObject({ upstreamVersion: 'canary' }), 10_000);
    const rows = await t.db.requestLog.groupBy({ by: ['upstreamVersion'], _count: true, where: { routeKey: 'GET /anon' } });
    expect(rows.map((row) => row.upstreamVersion).sort()).toEqual(['canary', 'stable']);
    // The rollups count the same calls per version as the request log (one flush writes both).
    const rollups = await t.db.usageRollup.groupBy({ by: ['upstreamVersion'], _sum: { count: true }, where: { routeKey: 'GET /anon' } });
    expect(Object.fromEntries(rollups.map((row) => [row.upstreamVersion, Number(row._sum.count)]))).toEqual(Object.fromEntries(rows.map((row) => [row.upstreamVersion, row._count])));
  }, 30_000);
});
