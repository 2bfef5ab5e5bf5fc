// Body sampling for discovery through a real gateway: an API that turned it on has the
// responses of undocumented calls looked at for sensitive-looking data after they are
// sent; only the kind is stored, the response reaches the client byte for byte.
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { CLI_PRINCIPAL, listDiscoveredEndpoints, runOperation, setBodySampling } from '@tollgate/operations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { rawRequest } from '../testing/raw-request';
import { startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;

const CARD = '4242 4242 4242 4242';
const PAD = 'x'.repeat(100_000);
const documents = (title: string) => ({ openapi: '3.1.0', info: { title, version: '1' }, paths: { '/documented': { get: { responses: { 200: { description: 'ok' } } } } } });

beforeAll(async () => {
  upstream = await startTestUpstream((req, res) => {
    const url = req.url ?? '';
    res.writeHead(200, { 'content-type': url.includes('/image') ? 'image/png' : 'application/json' });
    if (url.includes('/cards') || url.includes('/documented') || url.includes('/image')) {
      // The card number arrives split over two chunks, after 100 kB of other data in a later response.
      res.write(`{"holder":"A. Lovelace","card":"${CARD.slice(0, 7)}`);
      setTimeout(() => res.end(`${CARD.slice(7)}","note":"${url.includes('/late') ? PAD : ''}"}`), 20);
    } else if (url.includes('/profiles')) {
      res.end('{"name":"Ada","email":"ada@example.com"}');
    } else if (url.includes('/late')) {
      res.end(`{"pad":"${PAD}","card":"${CARD}"}`);
    } else res.end('{"orders":[{"id":"ord_1","total":1999}]}');
  });
  const api = (slug: string, policies: object) => ({
    slug,
    name: slug,
    basePath: `/${slug}`,
    status: 'published',
    openapi: documents(slug),
    policies,
    upstream: { targets: [{ url: upstream.url }] },
    routes: [{ path: '/*', methods: ['GET'], auth: 'none' }],
  });
  await applyConfig(t.db, ZConfigFile.parse({ apis: [api('shop', { bodySampling: { rate: 1 } }), api('quiet', {})] }), { baseDir: process.cwd() });
  gateway = await startTestGateway(t.url, { GATEWAY_USAGE_FLUSH_MS: 100 });
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

const list = () => runOperation(t.db, CLI_PRINCIPAL, listDiscoveredEndpoints, {});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('body sampling', () => {
  it('flags an undocumented endpoint whose response held a card number, and passes the response on unchanged', async () => {
    const answered = await rawRequest(gateway.url, '/shop/cards/1');
    expect(answered.status).toBe(200);
    expect(answered.body).toBe(`{"holder":"A. Lovelace","card":"${CARD}","note":""}`);
    await rawRequest(gateway.url, '/shop/orders/1');
    await rawRequest(gateway.url, '/shop/image/1');
    await rawRequest(gateway.url, '/shop/late/1');
    await rawRequest(gateway.url, '/quiet/cards/1');
    expect((await rawRequest(gateway.url, '/shop/documented')).status).toBe(200);

    const rows = await until(list, (all) => all.length >= 5);
    const byPath = Object.fromEntries(rows.map((row) => [row.path, row]));
    expect(byPath['/shop/cards/{id}']).toMatchObject({ kind: 'shadow', flags: ['unauthenticated-shadow', 'sensitive-data'], sensitiveData: ['card'] });
    // Not JSON or text; past the first 64 KiB; an API that does not sample; nothing sensitive.
    expect(byPath['/shop/image/{id}']).toMatchObject({ sensitiveData: [] });
    expect(byPath['/shop/late/{id}']).toMatchObject({ sensitiveData: [] });
    expect(byPath['/quiet/cards/{id}']).toMatchObject({ kind: 'shadow', sensitiveData: [], flags: ['unauthenticated-shadow'] });
    expect(byPath['/shop/orders/{id}']).toMatchObject({ sensitiveData: [] });
    expect(byPath['/shop/documented']).toBeUndefined();
  });

  it('an admin turns it on for another API and the gateway samples within a second', async () => {
    await runOperation(t.db, CLI_PRINCIPAL, setBodySampling, { api: 'quiet', rate: 1 });
    const flagged = await until(
      async () => {
        await rawRequest(gateway.url, '/quiet/profiles/ada');
        return (await list()).find((row) => row.path === '/quiet/profiles/ada')?.sensitiveData ?? [];
      },
      (kinds) => kinds.length > 0,
      1_500,
    );
    expect(flagged).toEqual(['email']);
  });

  it('stores the kind only, never the data', async () => {
    const stored = JSON.stringify(await t.db.discoveredEndpoint.findMany(), (_key, value: unknown) => (typeof value === 'bigint' ? Number(value) : value));
    expect(stored).not.toContain('4242');
    expect(stored).not.toContain('Lovelace');
  });
});
