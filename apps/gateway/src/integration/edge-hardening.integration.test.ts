// What the edge passes on: only well-formed Host values, proxy headers believed only
// from trusted proxies, Via for this hop, no underscore spellings of the headers the
// gateway owns, and responses to callers with credentials never marked for shared caches.
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, createApiKey } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { rawRequest } from '../testing/raw-request';
import { rawSocket } from '../testing/raw-socket';
import { startTestGateway } from '../testing/test-gateway';
import { echo, startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;
let behindProxy: RunningGateway;
let key: string;

/** The upstream answers with the Cache-Control named in the `cc` query parameter. */
const CACHE_CONTROL: Record<string, string> = { public: 'public, max-age=60, s-maxage=120', plain: 'max-age=30', private: 'private, max-age=10', none: '' };

beforeAll(async () => {
  upstream = await startTestUpstream((req, res, received) => {
    const cc = CACHE_CONTROL[new URL(req.url ?? '/', 'http://x').searchParams.get('cc') ?? 'none'] ?? '';
    if (cc !== '') res.setHeader('cache-control', cc);
    echo(req, res, received);
  });
  const config = ZConfigFile.parse({
    apis: [
      {
        slug: 'edge',
        name: 'Edge',
        basePath: '/edge',
        status: 'published',
        upstream: { targets: [{ url: upstream.url }] },
        routes: [
          { path: '/open', methods: ['GET'], auth: 'none' },
          { path: '/keyed', methods: ['GET'] },
        ],
      },
    ],
    plans: [{ slug: 'free', name: 'Free', apis: ['edge'] }],
    teams: [{ slug: 'acme', name: 'Acme', apps: [{ slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'edge', plan: 'free' }] }] }],
  });
  await applyConfig(t.db, config, { baseDir: process.cwd() });
  key = (await createApiKey(t.db, { appSlug: 'acme-app' })).key;
  gateway = await startTestGateway(t.url);
  behindProxy = await startTestGateway(t.url, { GATEWAY_TRUSTED_PROXIES: ['127.0.0.1/32'] });
});

afterAll(async () => {
  await gateway?.close();
  await behindProxy?.close();
  await upstream?.close();
});

let seenBefore = 0;
beforeEach(() => {
  seenBefore = upstream.received.length;
});

const hostRequest = (host: string | null, version = '1.1') =>
  `GET /edge/open HTTP/${version}\r\n${host === null ? '' : `Host: ${host}\r\n`}Connection: close\r\n\r\n`;

describe('Host', () => {
  it.each([
    ['a slash', 'evil.example/path'],
    ['a backslash', 'evil.example\\path'],
    ['userinfo', 'user@evil.example'],
    ['a space', 'evil example'],
    ['an empty value on HTTP/1.1', ''],
    ['an unclosed IPv6 bracket', '[::1'],
    ['a stray closing bracket', '::1]'],
    ['over 255 bytes', `${'a'.repeat(250)}.example`],
    ['a port that is not a number', 'evil.example:80x'],
  ])('refuses %s with 400 before anything is forwarded', async (_name, host) => {
    const exchange = await rawSocket(gateway.url, hostRequest(host));
    expect(exchange.status, exchange.text).toBe(400);
    expect(exchange.headers['content-type']).toBe('application/problem+json');
    expect(exchange.body).toContain('"code":"bad_request"');
    expect(upstream.received.length).toBe(seenBefore);
  });

  it.each([['api.example.com'], ['api.example.com:8443'], ['127.0.0.1:80'], ['[::1]:8080'], ['[2001:db8::1]']])('serves %s', async (host) => {
    const exchange = await rawSocket(gateway.url, hostRequest(host));
    expect(exchange.status, exchange.text).toBe(200);
    expect(upstream.received.at(-1)?.headers['x-forwarded-host']).toBe(host);
  });
});

describe('proxy headers', () => {
  const claimed = {
    'x-forwarded-for': '198.51.100.7',
    'x-forwarded-host': 'spoofed.example',
    'x-forwarded-proto': 'https',
    forwarded: 'for=198.51.100.7;proto=https',
    via: '1.1 somewhere',
  };

  it('replaces what a peer that is not a trusted proxy claims, and adds Via', async () => {
    const response = await rawRequest(gateway.url, '/edge/open', { headers: { host: 'api.example.com', ...claimed } });
    expect(response.status).toBe(200);
    const headers = upstream.received.at(-1)!.headers;
    expect(headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(headers['x-forwarded-host']).toBe('api.example.com');
    expect(headers['x-forwarded-proto']).toBe('http');
    expect(headers.forwarded).toBe('for=127.0.0.1;host=api.example.com;proto=http');
    expect(headers.via).toBe('1.1 tollgate');
  });

  it('keeps and appends to what a trusted proxy sends', async () => {
    const response = await rawRequest(behindProxy.url, '/edge/open', { headers: { host: 'api.example.com', ...claimed } });
    expect(response.status).toBe(200);
    const headers = upstream.received.at(-1)!.headers;
    expect(headers['x-forwarded-for']).toBe('198.51.100.7, 127.0.0.1');
    expect(headers['x-forwarded-host']).toBe('spoofed.example');
    expect(headers['x-forwarded-proto']).toBe('https');
    expect(headers.forwarded).toBe('for=198.51.100.7;proto=https, for=127.0.0.1;host=api.example.com;proto=http');
    expect(headers.via).toBe('1.1 somewhere, 1.1 tollgate');
  });

  it('drops underscore spellings of the headers the gateway owns or strips', async () => {
    const response = await rawRequest(gateway.url, '/edge/keyed', {
      headers: {
        'x-api-key': key,
        X_Consumer_Id: 'someone-else',
        X_Plan: 'enterprise',
        X_Forwarded_For: '198.51.100.9',
        X_Api_Key: 'tg_live_not_for_the_upstream',
        Proxy_Authorization: 'Basic c2VjcmV0',
        X_Custom_Header: 'kept',
      },
    });
    expect(response.status, response.body).toBe(200);
    const names = Object.keys(upstream.received.at(-1)!.headers);
    expect(names.filter((name) => name.includes('_'))).toEqual(['x_custom_header']);
    expect(upstream.received.at(-1)!.headers['x-consumer-id']).toBe('acme-app');
  });
});

describe('Cache-Control on responses to callers with credentials', () => {
  const keyed = (cc: string) => rawRequest(gateway.url, `/edge/keyed?cc=${cc}`, { headers: { 'x-api-key': key } });

  it('turns public into private and drops s-maxage', async () => {
    const response = await keyed('public');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('private, max-age=60');
  });

  it('adds private to a response any cache could store, and to one that says nothing', async () => {
    expect((await keyed('plain')).headers['cache-control']).toBe('private, max-age=30');
    expect((await keyed('none')).headers['cache-control']).toBe('private');
  });

  it('keeps a response that is already private as it is', async () => {
    expect((await keyed('private')).headers['cache-control']).toBe('private, max-age=10');
  });

  it('leaves responses on keyless routes alone', async () => {
    const response = await rawRequest(gateway.url, '/edge/open?cc=public');
    expect(response.headers['cache-control']).toBe('public, max-age=60, s-maxage=120');
  });
});
