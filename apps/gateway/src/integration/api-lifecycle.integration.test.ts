// A deprecated API announces itself on every response: Deprecation (RFC 9745) and,
// when a date is set, Sunset (RFC 8594). Published APIs carry neither.
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { rawRequest } from '../testing/raw-request';
import { startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;
const DEPRECATED_AT = new Date('2026-11-01T00:00:00Z');
const SUNSET_AT = new Date('2027-03-31T23:59:59Z');

beforeAll(async () => {
  upstream = await startTestUpstream();
  const api = (slug: string, status: string) => ({
    slug,
    name: slug,
    basePath: `/${slug}`,
    status,
    upstream: { targets: [{ url: upstream.url }] },
    routes: [
      { path: '/open', methods: ['GET'], auth: 'none' },
      { path: '/keyed', methods: ['GET'] },
    ],
  });
  const config = ZConfigFile.parse({ apis: [api('old', 'deprecated'), api('undated', 'deprecated'), api('current', 'published')] });
  await applyConfig(t.db, config, { baseDir: process.cwd() });
  await t.db.api.update({ where: { slug: 'old' }, data: { deprecatedAt: DEPRECATED_AT, sunsetAt: SUNSET_AT } });
  gateway = await startTestGateway(t.url);
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

describe('a deprecated API', () => {
  it('announces Deprecation and Sunset on the upstream response', async () => {
    const response = await rawRequest(gateway.url, '/old/open');
    expect(response.status).toBe(200);
    expect(response.headers.deprecation).toBe(`@${DEPRECATED_AT.getTime() / 1000}`);
    expect(response.headers.sunset).toBe('Wed, 31 Mar 2027 23:59:59 GMT');
  });

  it("announces them on the gateway's own answers too", async () => {
    const response = await rawRequest(gateway.url, '/old/keyed');
    expect(response.status).toBe(401);
    expect(response.headers.deprecation).toBe(`@${DEPRECATED_AT.getTime() / 1000}`);
    expect(response.headers.sunset).toBeDefined();
  });

  it('says deprecated without a Sunset when no date was set', async () => {
    const response = await rawRequest(gateway.url, '/undated/open');
    expect(response.headers.deprecation).toMatch(/^@\d+$/);
    expect(response.headers.sunset).toBeUndefined();
  });
});

it('a published API carries neither header', async () => {
  const response = await rawRequest(gateway.url, '/current/open');
  expect(response.status).toBe(200);
  expect(response.headers.deprecation).toBeUndefined();
  expect(response.headers.sunset).toBeUndefined();
});
