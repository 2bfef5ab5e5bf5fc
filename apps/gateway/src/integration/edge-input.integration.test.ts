// Bad input at the edge: every malformed request gets a clear 4xx problem+json (where a
// response is possible) and never reaches the upstream.
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { rawSocket, type RawExchange } from '../testing/raw-socket';
import { startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;
let host: string;

beforeAll(async () => {
  upstream = await startTestUpstream();
  const config = ZConfigFile.parse({
    apis: [
      {
        slug: 'edge',
        name: 'Edge',
        basePath: '/edge',
        status: 'published',
        upstream: { targets: [{ url: upstream.url }] },
        routes: [{ path: '/echo/*', methods: ['GET', 'POST'], auth: 'none' }],
      },
    ],
  });
  await applyConfig(t.db, config, { baseDir: process.cwd() });
  gateway = await startTestGateway(t.url, {
    GATEWAY_MAX_HEADER_BYTES: 4_096,
    GATEWAY_HEADERS_TIMEOUT_MS: 600,
    GATEWAY_KEEP_ALIVE_TIMEOUT_MS: 300,
  });
  host = new URL(gateway.url).host;
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

let seenBefore = 0;
beforeEach(() => {
  seenBefore = upstream.received.length;
});

function expectRefused(exchange: RawExchange, status: number, code: string): void {
  expect(exchange.status, exchange.text).toBe(status);
  expect(exchange.headers['content-type']).toBe('application/problem+json');
  const problem = JSON.parse(exchange.body.slice(0, Number(exchange.headers['content-length']))) as Record<string, unknown>;
  expect(problem).toMatchObject({ status, code });
  expect(problem.requestId).toBe(exchange.headers['x-request-id']);
  expect(upstream.received.length, 'the upstream saw the request').toBe(seenBefore);
}

const request = (lines: string[], body = '') => `${lines.join('\r\n')}\r\n\r\n${body}`;

describe('bad input never reaches the upstream', () => {
  it('lets a well-formed raw request through (control)', async () => {
    const exchange = await rawSocket(gateway.url, request(['POST /edge/echo/ok HTTP/1.1', `Host: ${host}`, 'Content-Length: 5', 'Connection: close'], 'hello'));
    expect(exchange.status).toBe(200);
    expect(upstream.received.at(-1)).toMatchObject({ url: '/echo/ok', body: 'hello' });
  });

  it('refuses Content-Length beside Transfer-Encoding (request smuggling)', async () => {
    const exchange = await rawSocket(
      gateway.url,
      request(['POST /edge/echo/a HTTP/1.1', `Host: ${host}`, 'Content-Length: 6', 'Transfer-Encoding: chunked'], '0\r\n\r\nGET /edge/echo/smuggled HTTP/1.1\r\nHost: x\r\n\r\n'),
    );
    expectRefused(exchange, 400, 'bad_request');
    expect(exchange.closedByServer).toBe(true);
  });

  it.each([
    ['differing', ['Content-Length: 5', 'Content-Length: 6']],
    ['repeated', ['Content-Length: 5', 'Content-Length: 5']],
    ['a list', ['Content-Length: 5, 6']],
  ])('refuses %s Content-Length headers', async (_name, lengths) => {
    const exchange = await rawSocket(gateway.url, request(['POST /edge/echo/b HTTP/1.1', `Host: ${host}`, ...lengths], 'hello!'));
    expectRefused(exchange, 400, 'bad_request');
  });

  it.each([['gzip, chunked'], ['gzip'], ['chunked, identity']])('refuses Transfer-Encoding: %s', async (coding) => {
    const exchange = await rawSocket(gateway.url, request(['POST /edge/echo/c HTTP/1.1', `Host: ${host}`, `Transfer-Encoding: ${coding}`], '5\r\nhello\r\n0\r\n\r\n'));
    expectRefused(exchange, 400, 'bad_request');
  });

  it.each([
    ['%2e%2e', '/edge/echo/%2e%2e/%2e%2e/admin'],
    ['%2E%2E after a dot', '/edge/echo/.%2E/secret'],
    ['%2f', '/edge/echo/a%2fb'],
    ['..;', '/edge/echo/..;/admin'],
    ['..%3b', '/edge/echo/..%3b/admin'],
    ['double-encoded dots', '/edge/echo/%252e%252e/admin'],
    ['plain ..', '/edge/echo/../../admin'],
    ['backslash', '/edge/echo/..\\admin'],
  ])('refuses a path with %s', async (_name, path) => {
    const exchange = await rawSocket(gateway.url, request([`GET ${path} HTTP/1.1`, `Host: ${host}`, 'Connection: close']));
    expectRefused(exchange, 400, 'invalid_path');
  });

  it.each([
    ['a bare CR', 'X-Note: one\rInjected: two'],
    ['a bare LF', 'X-Note: one\nInjected: two'],
    ['a NUL', 'X-Note: one\u0000two'],
    ['a control character', 'X-Note: one\u0001two'],
    ['DEL', 'X-Note: one\u007ftwo'],
    ['obsolete line folding', 'X-Note: one\r\n folded'],
    ['a space before the colon', 'X-Note : one'],
  ])('refuses a header with %s', async (_name, header) => {
    const exchange = await rawSocket(gateway.url, request(['GET /edge/echo/d HTTP/1.1', `Host: ${host}`, header]));
    expectRefused(exchange, 400, 'bad_request');
  });

  it('refuses an HTTP/1.1 request without Host, and one with two', async () => {
    expectRefused(await rawSocket(gateway.url, request(['GET /edge/echo/e HTTP/1.1', 'Connection: close'])), 400, 'bad_request');
    expectRefused(await rawSocket(gateway.url, request(['GET /edge/echo/e HTTP/1.1', `Host: ${host}`, 'Host: evil.example', 'Connection: close'])), 400, 'bad_request');
  });

  it('answers 431 to headers larger than GATEWAY_MAX_HEADER_BYTES', async () => {
    const exchange = await rawSocket(gateway.url, request(['GET /edge/echo/f HTTP/1.1', `Host: ${host}`, `X-Big: ${'a'.repeat(5_000)}`]));
    expectRefused(exchange, 431, 'headers_too_large');
    const small = await rawSocket(gateway.url, request(['GET /edge/echo/f HTTP/1.1', `Host: ${host}`, `X-Big: ${'a'.repeat(3_000)}`, 'Connection: close']));
    expect(small.status).toBe(200);
  });

  it('closes a slowloris connection after GATEWAY_HEADERS_TIMEOUT_MS with 408', async () => {
    // A header line every 100 ms, never finishing: 40 parts would take 4 s.
    const parts = ['GET /edge/echo/slow HTTP/1.1\r\n', `Host: ${host}\r\n`, ...Array.from({ length: 40 }, (_, i) => `X-Slow-${i}: x\r\n`)];
    const exchange = await rawSocket(gateway.url, parts, { gapMs: 100, timeoutMs: 8_000 });
    expect(exchange.closedByServer).toBe(true);
    expect(exchange.elapsedMs).toBeLessThan(3_000);
    expectRefused(exchange, 408, 'request_timeout');
  });

  it('closes an idle keep-alive connection after GATEWAY_KEEP_ALIVE_TIMEOUT_MS', async () => {
    const exchange = await rawSocket(gateway.url, request(['GET /edge/echo/g HTTP/1.1', `Host: ${host}`]), { timeoutMs: 4_000 });
    expect(exchange.status).toBe(200);
    expect(exchange.closedByServer).toBe(true);
    expect(exchange.elapsedMs).toBeLessThan(3_000);
  });
});
