// What the gateway does about request bodies that arrive too slowly, about requests that
// find every upstream connection taken, and about one client holding too many of them.
// The gateway runs with 4 connections per origin, so one consumer or address may hold 2.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, createApiKey } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { rawSocket } from '../testing/raw-socket';
import { closeAddressAgents, timedRequest } from '../testing/slow-clients';
import { eventually, startTestGateway } from '../testing/test-gateway';
import { echo, startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let gateway: RunningGateway;
let plain: TestUpstream;
let held: TestUpstream;
const waiting: ServerResponse[] = [];
const keys: Record<string, string> = {};
/** An upstream that counts the connections made to it. */
const counting = { server: null as Server | null, url: '', connections: 0, requests: [] as { headers: Record<string, unknown>; body: string }[] };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startCountingUpstream(): Promise<void> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      counting.requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
      res.end('ok');
    });
  });
  server.on('connection', () => counting.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  counting.server = server;
  counting.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  plain = await startTestUpstream();
  held = await startTestUpstream((_req, res) => void waiting.push(res));
  await startCountingUpstream();
  const api = (slug: string, url: string, routes: object[], extra: object = {}) => ({ slug, name: slug, basePath: `/${slug}`, status: 'published', upstream: { targets: [{ url }], ...extra }, routes });
  const config = ZConfigFile.parse({
    apis: [
      api('plain', plain.url, [{ path: '/upload', methods: ['POST'], auth: 'none', maxBodyBytes: 1_000_000 }], { breaker: { consecutiveFailures: 2, openMs: 60_000 } }),
      api('counted', counting.url, [{ path: '/upload', methods: ['POST'], auth: 'none' }]),
      api(
        'held',
        held.url,
        [
          { path: '/open', methods: ['GET'], auth: 'none' },
          { path: '/keyed', methods: ['GET'] },
        ],
        { breaker: { consecutiveFailures: 2, openMs: 60_000 }, passive: { consecutiveFailures: 2, ejectMs: 60_000 } },
      ),
    ],
    plans: [{ slug: 'pro', name: 'Pro', apis: ['held'] }],
    teams: [{ slug: 'acme', name: 'Acme', apps: ['alpha', 'beta'].map((slug) => ({ slug, name: slug, subscriptions: [{ api: 'held', plan: 'pro' }] })) }],
  });
  await applyConfig(t.db, config, { baseDir: process.cwd() });
  for (const app of ['alpha', 'beta']) keys[app] = (await createApiKey(t.db, { appSlug: app })).key;
  gateway = await startTestGateway(t.url, {
    GATEWAY_UPSTREAM_CONNECTIONS: 4,
    GATEWAY_UPSTREAM_QUEUE_TIMEOUT_MS: 300,
    GATEWAY_BODY_IDLE_TIMEOUT_MS: 800,
    GATEWAY_BODY_MIN_BYTES_PER_SECOND: 100,
    GATEWAY_BODY_MIN_RATE_GRACE_MS: 1_500,
  });
}, 30_000);

afterAll(async () => {
  releaseHeld();
  await closeAddressAgents();
  await gateway?.close();
  await Promise.all([plain?.close(), held?.close(), new Promise((resolve) => counting.server?.close(resolve))]);
});

function releaseHeld(): void {
  for (const res of waiting.splice(0)) echo(res.req, res, { method: '', url: '', headers: {}, body: '' });
}

function post(path: string, headers: string): string {
  return `POST ${path} HTTP/1.1\r\nHost: ${new URL(gateway.url).host}\r\n${headers}\r\n`;
}

async function breakerState(upstream: string): Promise<string | undefined> {
  const text = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
  return new RegExp(`tollgate_gateway_upstream_breaker_state\\{upstream="${upstream}"\\} (\\d)`).exec(text)?.[1];
}

describe('slow request bodies', () => {
  it('a body that stops arriving gets 408 request_timeout after the idle timeout, and the connection closes', async () => {
    const exchange = await rawSocket(gateway.url, post('/plain/upload', 'Content-Length: 50\r\n') + 'abc', { timeoutMs: 5_000 });
    expect(exchange.status).toBe(408);
    expect(exchange.headers.connection).toBe('close');
    expect(exchange.body).toContain('"code":"request_timeout"');
    expect(exchange.closedByServer).toBe(true);
    expect(exchange.elapsedMs).toBeGreaterThanOrEqual(700);
    expect(plain.received).toEqual([]);
  });

  it('a body that trickles in below the minimum rate gets 408 once the grace period is over', async () => {
    const parts = [post('/plain/upload', 'Content-Length: 100\r\n'), ...Array.from({ length: 20 }, () => 'x')];
    const exchange = await rawSocket(gateway.url, parts, { gapMs: 300, timeoutMs: 6_000 });
    expect(exchange.status).toBe(408);
    expect(exchange.body).toContain('bytes per second');
    expect(exchange.closedByServer).toBe(true);
    expect(exchange.elapsedMs).toBeGreaterThanOrEqual(1_400);
    expect(exchange.elapsedMs).toBeLessThan(5_000);
  });

  it('a large body already streaming upstream that stops arriving gets 408, and the upstream is not blamed', async () => {
    // Twice: with the breaker opening after 2 failures, counting these would open it.
    for (let i = 0; i < 2; i++) {
      const exchange = await rawSocket(gateway.url, post('/plain/upload', 'Content-Length: 300000\r\n') + 'y'.repeat(100_000), { timeoutMs: 5_000 });
      expect(exchange.status).toBe(408);
      expect(exchange.headers.connection).toBe('close');
      expect(exchange.body).toContain('"code":"request_timeout"');
      expect(exchange.closedByServer).toBe(true);
    }
    expect(await breakerState('plain')).toBe('0');
    expect((await fetch(`${gateway.url}/plain/upload`, { method: 'POST', body: 'fine' })).status).toBe(200);
  });
});

describe('small bodies are read whole before an upstream connection is taken', () => {
  it('a declared-length body: no upstream connection while it arrives, then one request with the whole body', async () => {
    const exchange = rawSocket(gateway.url, [post('/counted/upload', 'Connection: close\r\nContent-Length: 20\r\n') + '0123456789', 'abcdefghij'], { gapMs: 600, timeoutMs: 3_000 });
    await sleep(400);
    expect(counting.connections).toBe(0);
    expect((await exchange).status).toBe(200);
    expect(counting.requests.at(-1)).toMatchObject({ body: '0123456789abcdefghij', headers: { 'content-length': '20' } });
  });

  it('a small chunked body goes upstream with a Content-Length, once complete', async () => {
    const before = counting.requests.length;
    const exchange = rawSocket(gateway.url, [post('/counted/upload', 'Connection: close\r\nTransfer-Encoding: chunked\r\n') + '5\r\nhello\r\n', '0\r\n\r\n'], { gapMs: 600, timeoutMs: 3_000 });
    await sleep(400);
    expect(counting.requests.length).toBe(before);
    expect((await exchange).status).toBe(200);
    const received = counting.requests.at(-1)!;
    expect(received.body).toBe('hello');
    expect(received.headers).toMatchObject({ 'content-length': '5' });
    expect(received.headers['transfer-encoding']).toBeUndefined();
  });
});

describe('connection admission', () => {
  it('waits a bounded time for a connection, then 503 upstream_busy with Retry-After; the breaker stays closed', async () => {
    const holders = ['127.0.0.11', '127.0.0.11', '127.0.0.12', '127.0.0.12'].map((address) => timedRequest(`${gateway.url}/held/open`, address));
    await eventually(async () => expect(waiting).toHaveLength(4), 3_000);
    for (let i = 0; i < 3; i++) {
      const busy = await timedRequest(`${gateway.url}/held/open`, '127.0.0.13');
      expect(busy).toMatchObject({ status: 503, code: 'upstream_busy' });
      expect(busy.headers['retry-after']).toBe('1');
      expect(busy.ms).toBeGreaterThanOrEqual(250);
      expect(busy.ms).toBeLessThan(2_000);
    }
    expect(await breakerState('held')).toBe('0');
    releaseHeld();
    expect((await Promise.all(holders)).map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    // The refused requests counted against nothing: the upstream takes the next one.
    const after = timedRequest(`${gateway.url}/held/open`, '127.0.0.13');
    await eventually(async () => expect(waiting).toHaveLength(1), 3_000);
    releaseHeld();
    expect((await after).status).toBe(200);
  });

  it('a client that leaves while waiting gives up its place and takes no slot with it', async () => {
    const hold = () => ['127.0.0.11', '127.0.0.11', '127.0.0.12', '127.0.0.12'].map((address) => timedRequest(`${gateway.url}/held/open`, address));
    const first = hold();
    await eventually(async () => expect(waiting).toHaveLength(4), 3_000);
    await expect(timedRequest(`${gateway.url}/held/open`, '127.0.0.14', { timeoutMs: 100 })).rejects.toThrow();
    await sleep(100);
    releaseHeld();
    await Promise.all(first);
    // Still exactly 4 slots: 4 requests hold them again and a fifth is refused after its wait.
    const second = hold();
    await eventually(async () => expect(waiting).toHaveLength(4), 3_000);
    expect(await timedRequest(`${gateway.url}/held/open`, '127.0.0.14')).toMatchObject({ status: 503, code: 'upstream_busy' });
    expect(waiting).toHaveLength(4);
    releaseHeld();
    expect((await Promise.all(second)).map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
  });

  it('one consumer and one address hold at most half the connections; past that 429 at once', async () => {
    const holders = [
      timedRequest(`${gateway.url}/held/keyed`, '127.0.0.21', { headers: { 'x-api-key': keys.alpha! } }),
      timedRequest(`${gateway.url}/held/keyed`, '127.0.0.22', { headers: { 'x-api-key': keys.alpha! } }),
      timedRequest(`${gateway.url}/held/open`, '127.0.0.23'),
      timedRequest(`${gateway.url}/held/open`, '127.0.0.23'),
    ];
    await eventually(async () => expect(waiting).toHaveLength(4), 3_000);
    // Same key from a third address: over the consumer's share.
    const consumer = await timedRequest(`${gateway.url}/held/keyed`, '127.0.0.24', { headers: { 'x-api-key': keys.alpha! } });
    // Another key from the same address: over the address's share.
    const address = await timedRequest(`${gateway.url}/held/keyed`, '127.0.0.23', { headers: { 'x-api-key': keys.beta! } });
    for (const answer of [consumer, address]) {
      expect(answer).toMatchObject({ status: 429, code: 'concurrency_limited' });
      expect(answer.headers['retry-after']).toBe('1');
      expect(answer.ms).toBeLessThan(250);
    }
    // Anyone else within their share only waits for the full pool.
    expect(await timedRequest(`${gateway.url}/held/keyed`, '127.0.0.24', { headers: { 'x-api-key': keys.beta! } })).toMatchObject({ status: 503, code: 'upstream_busy' });
    expect(await breakerState('held')).toBe('0');
    releaseHeld();
    expect((await Promise.all(holders)).map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
  });
});
