import { describe, expect, it } from 'vitest';
import { startDemoUpstream } from './start-demo-upstream';

describe('startDemoUpstream', () => {
  it('returns its URL and lets requests in flight finish on close', async () => {
    const upstream = await startDemoUpstream({ port: 0, host: '127.0.0.1' });
    expect(upstream.url).toBe(`http://127.0.0.1:${upstream.port}`);
    const slow = fetch(`${upstream.url}/echo/slow`, { headers: { 'x-echo-delay-ms': '300' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = upstream.close();
    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ path: '/echo/slow' });
    await closed;
    await expect(fetch(`${upstream.url}/healthz`)).rejects.toThrow();
  });

  it('rejects with EADDRINUSE when the port is taken', async () => {
    const first = await startDemoUpstream({ port: 0 });
    try {
      await expect(startDemoUpstream({ port: first.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await first.close();
    }
  });

  it('keeps state per server: two servers number their products alike', async () => {
    const [a, b] = await Promise.all([startDemoUpstream({ port: 0 }), startDemoUpstream({ port: 0 })]);
    try {
      const body = JSON.stringify({ sku: 'NEW-1', name: 'New', category: 'books', priceCents: 100 });
      const init = { method: 'POST', body, headers: { 'content-type': 'application/json' } };
      const [fromA, fromB] = await Promise.all([fetch(`${a.url}/catalog/products`, init), fetch(`${b.url}/catalog/products`, init)]);
      expect([fromA.status, fromB.status]).toEqual([201, 201]);
      expect(((await fromA.json()) as { id: string }).id).toBe(((await fromB.json()) as { id: string }).id);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
