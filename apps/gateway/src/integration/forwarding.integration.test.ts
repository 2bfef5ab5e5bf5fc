import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { applyTestConfig, startTestGateway } from '../testing/test-gateway';
import { rawRequest } from '../testing/raw-request';
import { startTestUpstream, type ReceivedRequest, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;
let key: string;

beforeAll(async () => {
  upstream = await startTestUpstream();
  ({ key } = await applyTestConfig(t.db, upstream.url));
  gateway = await startTestGateway(t.url);
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(`${gateway.url}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, ...(init.headers as Record<string, string>) } });
  const text = await response.text();
  return { response, text, json: () => JSON.parse(text) as unknown };
}

const lastReceived = (): ReceivedRequest => upstream.received.at(-1)!;

describe('forwarding', () => {
  it('forwards a GET with a path parameter and query, stripping the base path', async () => {
    const { response, json } = await call('/weather/forecast/paris?units=metric&days=3');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-upstream')).toBe('echo');
    expect(json()).toMatchObject({ method: 'GET', url: '/forecast/paris?units=metric&days=3' });
  });

  it('streams a POST body to the upstream and the answer back', async () => {
    const body = JSON.stringify({ temperature: 21.5, notes: 'x'.repeat(200_000) });
    const { response, json } = await call('/weather/reports', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(200);
    expect(json()).toMatchObject({ method: 'POST', url: '/reports', body });
    expect(lastReceived().headers['content-type']).toBe('application/json');
  });

  it('streams a chunked request body of unknown length', async () => {
    const chunks = ['alpha,', 'beta,', 'gamma'];
    const stream = new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });
    const { response, json } = await call('/weather/reports', { method: 'PUT', body: stream, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(200);
    expect(json()).toMatchObject({ method: 'PUT', body: chunks.join('') });
  });

  it('strips the key and hop-by-hop headers, and sets the forwarding headers', async () => {
    await rawRequest(gateway.url, '/weather/forecast/oslo', {
      headers: {
        authorization: `Bearer ${key}`,
        'x-api-key': 'tg_live_should_not_travel',
        'x-forwarded-for': '203.0.113.7',
        'x-consumer-id': 'spoofed',
        'x-plan': 'enterprise',
        connection: 'keep-alive, x-secret-hop',
        'x-secret-hop': 'drop me',
        'x-custom': 'kept',
      },
    });
    const headers = lastReceived().headers;
    expect(headers.authorization).toBeUndefined();
    expect(headers['x-api-key']).toBeUndefined();
    expect(headers['x-secret-hop']).toBeUndefined();
    expect(JSON.stringify(headers)).not.toContain(key);
    expect(headers['x-custom']).toBe('kept');
    // The peer is not a trusted proxy: what it claims is replaced, not appended to.
    expect(headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(headers['x-forwarded-proto']).toBe('http');
    expect(headers['x-forwarded-host']).toBe(new URL(gateway.url).host);
    expect(headers['x-consumer-id']).toBe('acme-app');
    expect(headers['x-plan']).toBe('free');
    expect(headers.host).toBe(new URL(upstream.url).host);
  });

  it('passes the caller request id through, and generates one when absent', async () => {
    const given = await call('/weather/forecast/rome', { headers: { 'x-request-id': 'req-abc-123' } });
    expect(given.response.headers.get('x-request-id')).toBe('req-abc-123');
    expect(lastReceived().headers['x-request-id']).toBe('req-abc-123');

    const generated = await call('/weather/forecast/rome');
    const id = generated.response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lastReceived().headers['x-request-id']).toBe(id);

    const unsafe = await call('/weather/forecast/rome', { headers: { 'x-request-id': 'a b<script>' } });
    expect(unsafe.response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves an open route without a key and leaves its headers alone', async () => {
    const response = await fetch(`${gateway.url}/weather/public/status`, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(response.status).toBe(200);
    expect(lastReceived()).toMatchObject({ url: '/public/status' });
    expect(lastReceived().headers.authorization).toBe('Basic dXNlcjpwYXNz');
    expect(lastReceived().headers['x-consumer-id']).toBeUndefined();
  });

  it('applies a rewrite, keeps the base path when asked, and prefixes the target path', async () => {
    await call('/weather/v2/forecast/S%C3%A3o%20Paulo');
    expect(lastReceived().url).toBe('/api/forecast/S%C3%A3o%20Paulo');
    await call('/weather/raw/a/b.txt?x=1');
    expect(lastReceived().url).toBe('/weather/raw/a/b.txt?x=1');
    await call('/pre/deep/path?q=2');
    expect(lastReceived().url).toBe('/base/deep/path?q=2');
  });

  it('accepts a query key only where the route allows it, and never forwards it', async () => {
    const allowed = await fetch(`${gateway.url}/weather/query/7?api_key=${key}&x=1`);
    expect(allowed.status).toBe(200);
    expect(lastReceived().url).toBe('/query/7?x=1');

    const refused = await fetch(`${gateway.url}/weather/forecast/paris?api_key=${key}`);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { code: string }).code).toBe('missing_credentials');
  });

  it('answers HEAD for GET routes', async () => {
    const response = await fetch(`${gateway.url}/weather/forecast/paris`, { method: 'HEAD', headers: { authorization: `Bearer ${key}` } });
    expect(response.status).toBe(200);
    expect(lastReceived().method).toBe('HEAD');
  });
});

describe('routing errors', () => {
  it('answers 404 route_not_found as problem+json', async () => {
    const { response, json } = await call('/nowhere/at/all');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(json()).toMatchObject({ code: 'route_not_found', status: 404, requestId: response.headers.get('x-request-id') });
  });

  it('answers 405 with Allow when the path exists under other methods', async () => {
    const { response, json } = await call('/weather/forecast/paris', { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(json()).toMatchObject({ code: 'method_not_allowed' });
  });

  it.each(['/weather/forecast/%2e%2e/%2e%2e/admin', '/weather/forecast/..%2fadmin', '/weather/../admin', '/weather/forecast/a;b', '/weather//forecast/paris', '/weather/forecast/%252e%252e'])(
    'rejects the ambiguous path %s with 400 before it reaches the upstream',
    async (path) => {
      const before = upstream.received.length;
      const response = await rawRequest(gateway.url, path, { headers: { authorization: `Bearer ${key}` } });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(response.headers['x-request-id']).toBeTruthy();
      expect(JSON.parse(response.body)).toMatchObject({ code: 'invalid_path' });
      expect(upstream.received.length).toBe(before);
    },
  );
});
