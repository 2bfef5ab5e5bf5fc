// IP allow / deny lists per API, on the socket address unless the peer is a trusted proxy.
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, createApiKey } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { rawRequest } from '../testing/raw-request';
import { startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let direct: RunningGateway;
let behindProxy: RunningGateway;
let key: string;

const api = (slug: string, policies: Record<string, unknown>) => ({
  slug,
  name: slug,
  basePath: `/${slug}`,
  status: 'published',
  upstream: { targets: [{ url: upstream.url }] },
  routes: [{ path: '/thing', methods: ['GET'] }],
  policies,
});

beforeAll(async () => {
  upstream = await startTestUpstream();
  const slugs = ['allow-other', 'allow-local', 'deny-local', 'deny-mapped', 'deny-doc', 'open'];
  const config = ZConfigFile.parse({
    apis: [
      api('allow-other', { ipAllow: ['10.0.0.0/8', '2001:db8::/32'] }),
      api('allow-local', { ipAllow: ['127.0.0.0/8'] }),
      api('deny-local', { ipDeny: ['127.0.0.1'], ipAllow: ['0.0.0.0/0'] }),
      api('deny-mapped', { ipDeny: ['::ffff:127.0.0.0/104'] }),
      api('deny-doc', { ipDeny: ['203.0.113.0/24'] }),
      api('open', {}),
    ],
    plans: [{ slug: 'free', name: 'Free', apis: slugs }],
    teams: [{ slug: 'acme', name: 'Acme', apps: [{ slug: 'acme-app', name: 'Acme App', subscriptions: slugs.map((slug) => ({ api: slug, plan: 'free' })) }] }],
  });
  await applyConfig(t.db, config, { baseDir: process.cwd() });
  ({ key } = await createApiKey(t.db, { appSlug: 'acme-app' }));
  direct = await startTestGateway(t.url);
  behindProxy = await startTestGateway(t.url, { GATEWAY_TRUSTED_PROXIES: ['127.0.0.1/32', '192.0.2.0/24'] });
});

afterAll(async () => {
  await direct?.close();
  await behindProxy?.close();
  await upstream?.close();
});

let seenBefore = 0;
beforeEach(() => {
  seenBefore = upstream.received.length;
});

const call = (gateway: RunningGateway, path: string, headers: Record<string, string> = {}) =>
  rawRequest(gateway.url, path, { headers: { authorization: `Bearer ${key}`, ...headers } });

function expectDenied(response: Awaited<ReturnType<typeof call>>): void {
  expect(response.status).toBe(403);
  expect(response.headers['content-type']).toBe('application/problem+json');
  expect(JSON.parse(response.body)).toMatchObject({ status: 403, code: 'ip_denied' });
  expect(upstream.received.length).toBe(seenBefore);
}

describe('ip rules', () => {
  it('let an allowed address through (control)', async () => {
    expect((await call(direct, '/allow-local/thing')).status).toBe(200);
    expect((await call(direct, '/open/thing')).status).toBe(200);
    expect(upstream.received.length).toBe(seenBefore + 2);
  });

  it('refuse an address outside ipAllow', async () => {
    expectDenied(await call(direct, '/allow-other/thing'));
  });

  it('refuse an address in ipDeny, even when ipAllow covers it', async () => {
    expectDenied(await call(direct, '/deny-local/thing'));
  });

  it('match an IPv4-mapped IPv6 rule against an IPv4 client', async () => {
    expectDenied(await call(direct, '/deny-mapped/thing'));
  });

  it('are checked before authentication', async () => {
    const response = await rawRequest(direct.url, '/allow-other/thing');
    expectDenied(response);
  });

  it('ignore X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    expectDenied(await call(direct, '/allow-other/thing', { 'x-forwarded-for': '10.1.2.3' }));
    expect((await call(direct, '/deny-doc/thing', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(200);
  });

  it('use X-Forwarded-For behind a trusted proxy (GATEWAY_TRUSTED_PROXIES)', async () => {
    expectDenied(await call(behindProxy, '/deny-doc/thing', { 'x-forwarded-for': '203.0.113.9' }));
    expect((await call(behindProxy, '/allow-other/thing', { 'x-forwarded-for': '10.1.2.3' })).status).toBe(200);
    expect((await call(behindProxy, '/allow-other/thing', { 'x-forwarded-for': '2001:db8::7' })).status).toBe(200);
  });

  it('skip trusted hops from the right and stop at the first untrusted address', async () => {
    // A client spoofing 10.1.2.3 in front of its real address: the real one (203.0.113.9) is used.
    expectDenied(await call(behindProxy, '/deny-doc/thing', { 'x-forwarded-for': '10.1.2.3, 203.0.113.9, 192.0.2.5' }));
    expect((await call(behindProxy, '/allow-other/thing', { 'x-forwarded-for': '203.0.113.9, 10.1.2.3, 192.0.2.5' })).status).toBe(200);
  });
});
