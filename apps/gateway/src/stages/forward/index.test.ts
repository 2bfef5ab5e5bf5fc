import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSnapshot } from '../../testing/serve-snapshot';
import { fixtureApi, fixtureRoute, fixtureSnapshot } from '../../testing/snapshot-fixture';
import { startTestUpstream, type TestUpstream } from '../../testing/test-upstream';

let a: TestUpstream;
let b: TestUpstream;
let gateway: Awaited<ReturnType<typeof serveSnapshot>>;

beforeAll(async () => {
  a = await startTestUpstream();
  b = await startTestUpstream((_req, res) => {
    res.writeHead(201, { connection: 'keep-alive, x-hop', 'x-hop': 'secret', 'keep-alive': 'timeout=77', 'x-request-id': 'upstream-id', 'set-cookie': ['a=1', 'b=2'] });
    res.end('from b');
  });
  const open = { auth: 'none' as const };
  const files = fixtureApi('files', '/files', [fixtureRoute('/{bucket}/blobs/*', { ...open, rewrite: '/storage/{bucket}/*' }), fixtureRoute('/{bucket}/list', open)], `${a.url}/v1/`);
  const balanced = fixtureApi('balanced', '/balanced', [fixtureRoute('/ping', open)]);
  balanced.upstream!.targets = [
    { id: randomUUID(), url: a.url, weight: 1 },
    { id: randomUUID(), url: b.url, weight: 1 },
    { id: randomUUID(), url: 'http://127.0.0.1:9', weight: 0 },
  ];
  const empty = { ...fixtureApi('empty', '/empty', [fixtureRoute('/x', open)]), upstream: null };
  gateway = await serveSnapshot(fixtureSnapshot([files, balanced, empty]));
});

afterAll(async () => {
  await gateway?.close();
  await a?.close();
  await b?.close();
});

describe('forward', () => {
  it('puts the target path prefix before the stripped request path', async () => {
    await fetch(`${gateway.url}/files/photos/list?page=2`);
    expect(a.received.at(-1)!.url).toBe('/v1/photos/list?page=2');
  });

  it('fills a rewrite template, wildcard included, encoding each segment', async () => {
    await fetch(`${gateway.url}/files/my%20photos/blobs/2026/a%20b.txt?v=1`);
    expect(a.received.at(-1)!.url).toBe('/v1/storage/my%20photos/2026/a%20b.txt?v=1');
  });

  it('round-robins over targets with weight > 0', async () => {
    const before = { a: a.received.length, b: b.received.length };
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await fetch(`${gateway.url}/balanced/ping`)).status);
    expect(a.received.length - before.a).toBe(3);
    expect(b.received.length - before.b).toBe(3);
    expect(statuses.filter((status) => status === 502)).toHaveLength(0);
  });

  it('drops hop-by-hop response headers, keeps the rest, and sets its own X-Request-Id', async () => {
    let response: Response;
    do response = await fetch(`${gateway.url}/balanced/ping`, { headers: { 'x-request-id': 'mine' } });
    while (response.status !== 201);
    expect(await response.text()).toBe('from b');
    expect(response.headers.get('x-hop')).toBeNull();
    expect(response.headers.get('keep-alive')).not.toBe('timeout=77');
    expect(response.headers.get('x-request-id')).toBe('mine');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
  });

  it('answers 503 no_healthy_target for an API without targets', async () => {
    const response = await fetch(`${gateway.url}/empty/x`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { code: string }).code).toBe('no_healthy_target');
  });
});
