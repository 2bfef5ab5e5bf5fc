// Response cache per route: HIT/MISS, TTL, vary, per-consumer keys, upstream
// Cache-Control, statuses, size limit, streaming while caching, and its place after
// authentication and limits.
import type { OutgoingHttpHeaders } from 'node:http';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, createApiKey } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { rawRequest } from '../testing/raw-request';
import { rawSocket } from '../testing/raw-socket';
import { startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;
let key: string;
let otherKey: string;
let limitedKey: string;
let calls = 0;
let releaseSlow: () => void = () => {};

const ENTRY_LIMIT = 2_000;

/** The upstream's answer depends on the path; the body counts how often it was called. */
function answerFor(path: string): { status: number; headers: OutgoingHttpHeaders; body: string } {
  const body = `call ${calls}`;
  const [, kind = '', arg = ''] = path.split('?')[0]!.split('/').slice(1);
  switch (kind) {
    case 'no-store':
      return { status: 200, headers: { 'cache-control': 'no-store' }, body };
    case 'private':
      return { status: 200, headers: { 'cache-control': 'private, max-age=60' }, body };
    case 'public':
      return { status: 200, headers: { 'cache-control': 'public, max-age=60' }, body };
    case 'short':
      return { status: 200, headers: { 'cache-control': 'max-age=1' }, body };
    case 'cookie':
      return { status: 200, headers: { 'set-cookie': 'session=abc' }, body };
    case 'vary-star':
      return { status: 200, headers: { vary: '*' }, body };
    case 'status':
      return { status: Number(arg), headers: {}, body };
    case 'big':
      return { status: 200, headers: {}, body: `${body} ${'x'.repeat(ENTRY_LIMIT * 2)}` };
    default:
      return { status: 200, headers: { 'content-type': 'text/plain' }, body };
  }
}

beforeAll(async () => {
  upstream = await startTestUpstream((req, res) => {
    calls++;
    if (req.url?.startsWith('/c/slow')) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first;');
      releaseSlow = () => res.end('second');
      return;
    }
    const answer = answerFor(req.url ?? '');
    if (answer.status === 204) {
      res.writeHead(204, answer.headers);
      res.end();
      return;
    }
    res.writeHead(answer.status, { 'content-length': Buffer.byteLength(answer.body), ...answer.headers });
    res.end(answer.body);
  });
  const config = ZConfigFile.parse({
    apis: [
      {
        slug: 'cached',
        name: 'Cached',
        basePath: '/cached',
        status: 'published',
        upstream: { targets: [{ url: upstream.url }] },
        routes: [
          { path: '/c/*', methods: ['GET', 'HEAD'], cache: { ttlSeconds: 60, vary: ['X-Lang'] } },
          { path: '/ttl/*', methods: ['GET'], cache: { ttlSeconds: 1 } },
          { path: '/open/*', methods: ['GET'], auth: 'none', cache: { ttlSeconds: 60 } },
          { path: '/uncached/*', methods: ['GET'] },
        ],
      },
    ],
    plans: [
      { slug: 'free', name: 'Free', apis: ['cached'] },
      { slug: 'tiny', name: 'Tiny', apis: ['cached'], rateLimit: { requests: 2, per: 'minute' } },
    ],
    teams: [
      {
        slug: 'acme',
        name: 'Acme',
        apps: [
          { slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'cached', plan: 'free' }] },
          { slug: 'other-app', name: 'Other App', subscriptions: [{ api: 'cached', plan: 'free' }] },
          { slug: 'limited-app', name: 'Limited App', subscriptions: [{ api: 'cached', plan: 'tiny' }] },
        ],
      },
    ],
  });
  await applyConfig(t.db, config, { baseDir: process.cwd() });
  ({ key } = await createApiKey(t.db, { appSlug: 'acme-app' }));
  ({ key: otherKey } = await createApiKey(t.db, { appSlug: 'other-app' }));
  ({ key: limitedKey } = await createApiKey(t.db, { appSlug: 'limited-app' }));
  gateway = await startTestGateway(t.url, { GATEWAY_CACHE_MAX_ENTRY_BYTES: ENTRY_LIMIT });
});

afterAll(async () => {
  releaseSlow();
  await gateway?.close();
  await upstream?.close();
});

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  rawRequest(gateway.url, path, { method, headers: { authorization: `Bearer ${key}`, ...headers } });

/** Calls twice; returns both responses and how many times the upstream was reached. */
async function twice(path: string, headers: Record<string, string> = {}) {
  const before = calls;
  const first = await get(path, headers);
  const second = await get(path, headers);
  return { first, second, upstreamCalls: calls - before };
}

describe('response cache', () => {
  it('answers the second GET from the cache (X-Cache HIT, same body, Age, own request id)', async () => {
    const { first, second, upstreamCalls } = await twice('/cached/c/plain');
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBe('MISS');
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe('text/plain');
    expect(second.headers.age).toMatch(/^\d+$/);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    expect(upstreamCalls).toBe(1);
  });

  it('does not cache a route without a cache policy', async () => {
    const { first, second, upstreamCalls } = await twice('/cached/uncached/plain');
    expect(first.headers['x-cache']).toBeUndefined();
    expect(second.body).not.toBe(first.body);
    expect(upstreamCalls).toBe(2);
  });

  it('keys on the query and on the vary headers', async () => {
    const before = calls;
    const a = await get('/cached/c/q?page=1', { 'x-lang': 'en' });
    const b = await get('/cached/c/q?page=2', { 'x-lang': 'en' });
    const c = await get('/cached/c/q?page=1', { 'x-lang': 'fr' });
    const d = await get('/cached/c/q?page=1', { 'x-lang': 'en' });
    expect([a, b, c, d].map((r) => r.headers['x-cache'])).toEqual(['MISS', 'MISS', 'MISS', 'HIT']);
    expect(d.body).toBe(a.body);
    expect(calls - before).toBe(3);
  });

  it('keeps HEAD apart from GET', async () => {
    const head = await get('/cached/c/head', {}, 'HEAD');
    const headAgain = await get('/cached/c/head', {}, 'HEAD');
    const body = await get('/cached/c/head');
    expect([head.headers['x-cache'], headAgain.headers['x-cache'], body.headers['x-cache']]).toEqual(['MISS', 'HIT', 'MISS']);
    expect(headAgain.body).toBe('');
    expect(body.body).not.toBe('');
  });

  it('keeps each consumer apart unless the upstream says Cache-Control: public', async () => {
    await get('/cached/c/per-app');
    const other = await get('/cached/c/per-app', { authorization: `Bearer ${otherKey}` });
    expect(other.headers['x-cache']).toBe('MISS');
    await get('/cached/c/public');
    const shared = await get('/cached/c/public', { authorization: `Bearer ${otherKey}` });
    expect(shared.headers['x-cache']).toBe('HIT');
  });

  it('does not store a personal answer: a request with a Cookie or an Authorization for the upstream', async () => {
    const withCookie = await twice('/cached/c/cookie-request', { cookie: 'session=alice' });
    expect(withCookie.second.headers['x-cache']).toBe('MISS');
    expect(withCookie.upstreamCalls).toBe(2);
    const withAuthorization = await twice('/cached/c/basic-request', { 'x-api-key': key, authorization: 'Basic dXNlcjpwYXNz' });
    expect(withAuthorization.second.headers['x-cache']).toBe('MISS');
    expect(withAuthorization.upstreamCalls).toBe(2);
    // Unless the upstream says the answer is for everyone.
    await get('/cached/c/public', { cookie: 'session=bob' });
    expect((await get('/cached/c/public', { cookie: 'session=carol' })).headers['x-cache']).toBe('HIT');
  });

  it('still needs a valid key on a cached path', async () => {
    await get('/cached/c/secret');
    const anonymous = await rawRequest(gateway.url, '/cached/c/secret');
    expect(anonymous.status).toBe(401);
    // Refused by authentication, before the cache is even asked.
    expect(anonymous.headers['x-cache']).toBeUndefined();
    const wrong = await rawRequest(gateway.url, '/cached/c/secret', { headers: { authorization: 'Bearer tg_live_nope' } });
    expect(wrong.status).toBe(401);
  });

  it('still applies the plan rate limit, and counts hits as calls', async () => {
    const limited = { authorization: `Bearer ${limitedKey}` };
    const first = await get('/cached/c/limited', limited);
    const second = await get('/cached/c/limited', limited);
    const third = await get('/cached/c/limited', limited);
    expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
    expect(second.headers['x-cache']).toBe('HIT');
    const metrics = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
    const line = metrics.split('\n').find((l) => l.startsWith('tollgate_gateway_requests_total{') && l.includes('route="GET,HEAD /c/*"') && l.includes('status="200"'));
    expect(Number(line?.split(' ').at(-1))).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['Cache-Control: no-store', '/cached/c/no-store'],
    ['Cache-Control: private', '/cached/c/private'],
    ['Set-Cookie', '/cached/c/cookie'],
    ['Vary: *', '/cached/c/vary-star'],
    ['status 500', '/cached/c/status/500'],
    ['status 302', '/cached/c/status/302'],
    ['a body over GATEWAY_CACHE_MAX_ENTRY_BYTES', '/cached/c/big'],
  ])('never stores a response with %s', async (_name, path) => {
    const { first, second, upstreamCalls } = await twice(path);
    expect(second.headers['x-cache']).toBe('MISS');
    expect(second.body.length).toBe(first.body.length);
    expect(upstreamCalls).toBe(2);
  });

  it.each([['404', '/cached/c/status/404'], ['204', '/cached/c/status/204'], ['301', '/cached/c/status/301']])('stores a %s', async (_status, path) => {
    const { second, upstreamCalls } = await twice(path);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(upstreamCalls).toBe(1);
  });

  it('lets a request with Cache-Control: no-cache bypass the entry and refresh it', async () => {
    const first = await get('/cached/c/refresh');
    const bypass = await get('/cached/c/refresh', { 'cache-control': 'no-cache' });
    const after = await get('/cached/c/refresh');
    expect(bypass.headers['x-cache']).toBe('MISS');
    expect(bypass.body).not.toBe(first.body);
    expect(after.headers['x-cache']).toBe('HIT');
    expect(after.body).toBe(bypass.body);
  });

  it('expires entries after the route TTL, or the shorter upstream max-age', async () => {
    await get('/cached/ttl/one');
    await get('/cached/c/short');
    expect((await get('/cached/ttl/one')).headers['x-cache']).toBe('HIT');
    expect((await get('/cached/c/short')).headers['x-cache']).toBe('HIT');
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect((await get('/cached/ttl/one')).headers['x-cache']).toBe('MISS');
    expect((await get('/cached/c/short')).headers['x-cache']).toBe('MISS');
  });

  it('never answers a WebSocket upgrade from the cache', async () => {
    await get('/cached/c/ws');
    expect((await get('/cached/c/ws')).headers['x-cache']).toBe('HIT');
    const host = new URL(gateway.url).host;
    const before = calls;
    const upgrade = await rawSocket(
      gateway.url,
      `GET /cached/c/ws HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${key}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
      { timeoutMs: 5_000 },
    );
    expect(upgrade.headers['x-cache']).toBeUndefined();
    expect(calls).toBe(before + 1);
  });

  it('caches open routes once for everyone', async () => {
    const first = await rawRequest(gateway.url, '/cached/open/x');
    const second = await rawRequest(gateway.url, '/cached/open/x');
    expect([first.headers['x-cache'], second.headers['x-cache']]).toEqual(['MISS', 'HIT']);
  });

  it('streams a cacheable response through while copying it (the client sees the first bytes before the upstream ends)', async () => {
    const response = await fetch(`${gateway.url}/cached/c/slow`, { headers: { authorization: `Bearer ${key}` } });
    expect(response.headers.get('x-cache')).toBe('MISS');
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('first;');
    releaseSlow();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toBe('second');
    const hit = await get('/cached/c/slow');
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.body).toBe('first;second');
  });
});
