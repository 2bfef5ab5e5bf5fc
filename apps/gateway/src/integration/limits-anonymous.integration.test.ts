// Keyless routes limited by their API's anonymous plan, counted per client address, shared
// through real Redis by every gateway instance.
import { ZConfigFile, type TConfigFile } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { testRedisUrl, useTestDatabase } from '@tollgate/db/testing';
import { isTollgateError } from '@tollgate/errors';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayEnv } from '../env';
import type { RunningGateway, StartGatewayOptions } from '../start-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';
import { count, startGateways, type Answer } from './limits-fixture';

const t = useTestDatabase();
let upstream: TestUpstream;
let running: RunningGateway[] = [];

function anonymousConfig(upstreamUrl: string): TConfigFile {
  const api = (slug: string, policies: Record<string, unknown>) => ({
    slug,
    name: slug,
    basePath: `/${slug}`,
    status: 'published',
    policies,
    upstream: { targets: [{ url: upstreamUrl }] },
    routes: [
      { path: '/open', methods: ['GET'], auth: 'none' },
      { path: '/heavy', methods: ['GET'], auth: 'none', weight: 2 },
    ],
  });
  return ZConfigFile.parse({
    apis: [api('public', { anonymousPlan: 'visitor' }), api('daily', { anonymousPlan: 'visitor-daily' }), api('free', {})],
    // Plans come after the APIs that name them: the reference resolves within one file.
    plans: [
      { slug: 'visitor', name: 'Visitor', rateLimit: { requests: 5, per: 'hour' } },
      { slug: 'visitor-daily', name: 'Visitor daily', quota: { requests: 4, per: 'day' } },
    ],
  });
}

beforeAll(async () => {
  upstream = await startTestUpstream();
  await applyConfig(t.db, anonymousConfig(upstream.url), { baseDir: process.cwd() });
});

afterEach(async () => {
  await Promise.all(running.map((gateway) => gateway.close()));
  running = [];
});

afterAll(async () => {
  await upstream?.close();
});

async function gateways(n: number, env: Partial<GatewayEnv> = {}, options: StartGatewayOptions = {}): Promise<RunningGateway[]> {
  running = await startGateways(n, t.url, { REDIS_URL: testRedisUrl(), ...env }, options);
  return running;
}

async function get(gateway: RunningGateway, path: string, forwardedFor?: string): Promise<Answer> {
  const response = await fetch(`${gateway.url}${path}`, { headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

describe('anonymous plan on keyless routes', { timeout: 90_000 }, () => {
  it('admits N calls from one address, then answers 429 rate_limited with RateLimit headers', async () => {
    const [gateway] = await gateways(1);
    for (let i = 4; i >= 0; i--) {
      const answer = await get(gateway!, '/public/open');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('ratelimit-limit')).toBe('5');
      expect(answer.headers.get('ratelimit-remaining')).toBe(String(i));
      expect(answer.headers.get('ratelimit-policy')).toBe('"hour";q=5;w=3600');
      expect(Number(answer.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    }
    const refused = await get(gateway!, '/public/open');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'rate_limited', status: 429, plan: 'visitor', limit: 5, window: 3600 });
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('retry-after'))).toBe(Number(refused.headers.get('ratelimit-reset')));
    // Both keyless routes of the API share the address's counter.
    expect((await get(gateway!, '/public/heavy')).status).toBe(429);
  });

  it('admits exactly N of a concurrent burst from one address spread over 2 gateways', async () => {
    const pair = await gateways(2);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => get(pair[i % 2]!, '/public/open')));
    const statuses = answers.map((answer) => answer.status);
    expect(count(statuses, 200)).toBe(5);
    expect(count(statuses, 429)).toBe(25);
  });

  it('gives each client address its own counter (X-Forwarded-For from a trusted proxy)', async () => {
    const [gateway] = await gateways(1, { GATEWAY_TRUSTED_PROXIES: ['127.0.0.1/32'] });
    for (let i = 0; i < 5; i++) expect((await get(gateway!, '/public/open', '203.0.113.1')).status).toBe(200);
    expect((await get(gateway!, '/public/open', '203.0.113.1')).status).toBe(429);
    const other = await get(gateway!, '/public/open', '203.0.113.2');
    expect(other.status).toBe(200);
    expect(other.headers.get('ratelimit-remaining')).toBe('4');
    expect((await get(gateway!, '/public/open', '203.0.113.1')).status).toBe(429);
  });

  it('ignores X-Forwarded-For from an untrusted peer: spoofed addresses share one counter', async () => {
    const [gateway] = await gateways(1);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await get(gateway!, '/public/open', `198.51.100.${i + 1}`)).status);
    expect(count(statuses, 200)).toBe(5);
    expect(count(statuses, 429)).toBe(3);
  });

  it('counts the quota per UTC calendar day with route weights and answers quota_exceeded', async () => {
    const now = Date.parse('2026-03-14T22:30:00Z');
    const [gateway] = await gateways(1, {}, { clock: () => now });
    const first = await get(gateway!, '/daily/heavy');
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-remaining')).toBe('2');
    expect(first.headers.get('ratelimit-reset')).toBe(String(90 * 60));
    expect((await get(gateway!, '/daily/heavy')).status).toBe(200);
    const refused = await get(gateway!, '/daily/open');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'quota_exceeded', plan: 'visitor-daily', limit: 4, period: 'day', resetAt: '2026-03-15T00:00:00.000Z' });
  });

  it('leaves keyless routes of an API without an anonymous plan unlimited', async () => {
    const [gateway] = await gateways(1);
    for (let i = 0; i < 12; i++) {
      const answer = await get(gateway!, '/free/open');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('ratelimit-limit')).toBeNull();
    }
  });
});

describe('applyConfig and anonymousPlan', () => {
  it('rejects an anonymousPlan naming no plan, with the field path, and writes nothing', async () => {
    const config = anonymousConfig(upstream.url);
    const broken = ZConfigFile.parse({ ...config, apis: [{ ...config.apis[0]!, slug: 'broken', basePath: '/broken', policies: { anonymousPlan: 'nope' } }], plans: [] });
    const error = await applyConfig(t.db, broken, { baseDir: process.cwd() }).catch((caught: unknown) => caught);
    expect(isTollgateError(error) && error.code).toBe('invalid_params');
    expect(isTollgateError(error) && error.invalidParams?.[0]?.name).toBe('apis[0].policies.anonymousPlan');
    expect(await t.db.api.findUnique({ where: { slug: 'broken' } })).toBeNull();
  });

  it('accepts an anonymousPlan that exists only in the database', async () => {
    const config = anonymousConfig(upstream.url);
    const reuse = ZConfigFile.parse({ ...config, apis: [{ ...config.apis[0]!, slug: 'reuse', basePath: '/reuse', policies: { anonymousPlan: 'visitor' } }], plans: [] });
    await applyConfig(t.db, reuse, { baseDir: process.cwd() });
    expect(await t.db.api.findUnique({ where: { slug: 'reuse' } })).not.toBeNull();
  });
});
