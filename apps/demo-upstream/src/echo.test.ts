import { describe, expect, it } from 'vitest';
import { call, useDemoUpstream } from './testing';

const upstream = useDemoUpstream();

interface Echo {
  method: string;
  url: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: string | null;
  json?: unknown;
}

describe('echo', () => {
  it('returns method, path, query and headers as received', async () => {
    const { status, body } = await call(upstream.url, '/echo/users/42/orders?page=2&tag=a&tag=b', {
      headers: { 'x-request-id': 'req-1', authorization: 'Bearer abc' },
    });
    expect(status).toBe(200);
    const echo = body as Echo;
    expect(echo).toMatchObject({ method: 'GET', url: '/echo/users/42/orders?page=2&tag=a&tag=b', path: '/echo/users/42/orders', body: null });
    expect(echo.query).toEqual({ page: '2', tag: ['a', 'b'] });
    expect(echo.headers).toMatchObject({ 'x-request-id': 'req-1', authorization: 'Bearer abc' });
  });

  it('echoes every method and the body, parsed when it is JSON', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      const { status, body } = await call(upstream.url, '/echo/x', { method, json: { n: 1 } });
      expect(status).toBe(200);
      expect(body).toMatchObject({ method, body: '{"n":1}', json: { n: 1 } });
    }
    const head = await fetch(`${upstream.url}/echo/x`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('keeps percent-encoding in the echoed path', async () => {
    const echo = (await call(upstream.url, '/echo/a%2Fb/c%20d')).body as Echo;
    expect(echo.path).toBe('/echo/a%2Fb/c%20d');
  });

  it('answers with the status and after the delay asked for', async () => {
    const started = Date.now();
    const { status, body } = await call(upstream.url, '/echo/slow', { headers: { 'x-echo-status': '503', 'x-echo-delay-ms': '150' } });
    expect(status).toBe(503);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(body).toMatchObject({ path: '/echo/slow' });
    expect((await call(upstream.url, '/echo/x', { headers: { 'x-echo-status': '99' } })).status).toBe(400);
  });
});

describe('the server itself', () => {
  it('answers /healthz', async () => {
    const { status, body } = await call(upstream.url, '/healthz');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok' });
  });

  it('answers 404 problem+json for unknown paths', async () => {
    for (const path of ['/nope', '/weather', '/echo', '/catalog/products/prd_0001/extra']) {
      const { status, contentType, body } = await call(upstream.url, path);
      expect(status, path).toBe(404);
      expect(contentType).toBe('application/problem+json');
      expect(body).toMatchObject({ type: 'https://demo.tollgate.dev/problems/404', title: 'Not Found', status: 404, instance: path });
    }
  });

  it('answers 405 with Allow for a known path and another method', async () => {
    const { status, headers, contentType } = await call(upstream.url, '/catalog/products', { method: 'DELETE' });
    expect(status).toBe(405);
    expect(contentType).toBe('application/problem+json');
    expect(headers.get('allow')).toBe('GET, HEAD, POST');
    const head = await fetch(`${upstream.url}/weather/cities`, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('answers 400 for a malformed percent-encoding in a parameter', async () => {
    expect((await call(upstream.url, '/catalog/products/%E0%A4%A')).status).toBe(400);
  });
});
