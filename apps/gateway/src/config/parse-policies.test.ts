// Stored policies are parsed once when the snapshot compiles; a policy that does not
// parse locks what it governs (503 route_misconfigured) instead of being half ignored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSnapshot } from '../testing/serve-snapshot';
import { fixtureApi, fixtureRoute, fixtureSnapshot, testServices } from '../testing/snapshot-fixture';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';
import { compileSnapshot } from './compile-snapshot';

let upstream: TestUpstream;
let gateway: { url: string; close(): Promise<void> };

const snapshot = () =>
  fixtureSnapshot([
    { ...fixtureApi('broken-api', '/broken-api', [fixtureRoute('/x', { auth: 'none' })], upstream.url), policies: { ipAllow: ['not an address'] } },
    fixtureApi('mixed', '/mixed', [fixtureRoute('/ok', { auth: 'none' }), fixtureRoute('/bad', { auth: 'none', policies: { cache: { ttlSeconds: -1 } } })], upstream.url),
  ]);

beforeAll(async () => {
  upstream = await startTestUpstream();
  gateway = await serveSnapshot(snapshot());
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

describe('stored policies that do not parse', () => {
  it('lock every route of an API whose policies do not parse', async () => {
    const response = await fetch(`${gateway.url}/broken-api/x`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: 'route_misconfigured' });
    expect(upstream.received).toHaveLength(0);
  });

  it('lock only the route whose own policies do not parse', async () => {
    expect((await fetch(`${gateway.url}/mixed/bad`)).status).toBe(503);
    expect((await fetch(`${gateway.url}/mixed/ok`)).status).toBe(200);
  });

  it('are named in the snapshot warnings', () => {
    const compiled = compileSnapshot(snapshot(), 'database', testServices());
    expect(compiled.warnings.some((warning) => warning.includes('api broken-api') && warning.includes('ipAllow'))).toBe(true);
    expect(compiled.warnings.some((warning) => warning.includes('route') && warning.includes('cache.ttlSeconds'))).toBe(true);
  });
});

it('hands stages the parsed policies with their defaults', () => {
  const compiled = compileSnapshot(snapshot(), 'database', testServices());
  const ok = compiled.routes.find((route) => route.template === '/mixed/ok')!;
  expect(ok.policies).toMatchObject({ maxBodyBytes: 10 * 1024 ** 2, limitBy: 'subscription', validateRequest: false });
  expect(ok.api.policies).toMatchObject({ failClosed: false });
});
