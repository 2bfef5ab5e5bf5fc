// 300 request bodies trickling in one byte a second, from one client address (and, on
// the key route, with one key), must not take the upstream away from everyone else: a
// second client's requests to the same upstream keep answering within a second. The
// gateway runs with its defaults (256 connections per origin).
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, createApiKey } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { closeAddressAgents, keepAsking, timedRequest, trickleBodies, type TimedAnswer } from '../testing/slow-clients';
import { startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;
const keys: Record<string, string> = {};

const SLOW_CLIENTS = 300;
const HOLD_MS = 6_000;

beforeAll(async () => {
  upstream = await startTestUpstream();
  const config = ZConfigFile.parse({
    apis: [
      {
        slug: 'shop',
        name: 'Shop',
        basePath: '/shop',
        status: 'published',
        upstream: { targets: [{ url: upstream.url }] },
        routes: [
          { path: '/orders', methods: ['POST'] },
          { path: '/items', methods: ['GET'] },
          { path: '/uploads', methods: ['POST'], auth: 'none', maxBodyBytes: 10_000_000 },
          { path: '/status', methods: ['GET'], auth: 'none' },
        ],
      },
    ],
    plans: [{ slug: 'pro', name: 'Pro', apis: ['shop'], rateLimit: { requests: 100_000, per: 'minute' } }],
    teams: [
      {
        slug: 'acme',
        name: 'Acme',
        apps: ['greedy', 'patient'].map((slug) => ({ slug, name: slug, subscriptions: [{ api: 'shop', plan: 'pro' }] })),
      },
    ],
  });
  await applyConfig(t.db, config, { baseDir: process.cwd() });
  for (const app of ['greedy', 'patient']) keys[app] = (await createApiKey(t.db, { appSlug: app })).key;
  gateway = await startTestGateway(t.url);
}, 30_000);

afterAll(async () => {
  await closeAddressAgents();
  await gateway?.close();
  await upstream?.close();
});

function head(path: string, length: number, key?: string): string {
  const host = new URL(gateway.url).host;
  return `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/octet-stream\r\nContent-Length: ${length}\r\n${key ? `X-Api-Key: ${key}\r\n` : ''}\r\n`;
}

/**
 * Every answer is a 200, nearly all within a second. A starved request fails the first
 * check (503 upstream_busy after the 2 s queue timeout, or no answer at all); the latency
 * bound allows a few outliers, since the machine running the test suite is shared.
 */
function expectAnsweredWithinASecond(answers: TimedAnswer[]): void {
  expect(answers.length).toBeGreaterThanOrEqual(10);
  const failed = answers.filter((answer) => answer.status !== 200 || answer.ms > 2_500);
  expect(failed, JSON.stringify(failed.slice(0, 3))).toEqual([]);
  const late = answers.filter((answer) => answer.ms > 1_000);
  expect(late.length, JSON.stringify(late.map((answer) => Math.round(answer.ms)))).toBeLessThanOrEqual(Math.floor(answers.length / 10));
}

describe('slow request bodies', () => {
  it('300 small bodies with one key: another consumer on the same upstream keeps being answered', async () => {
    const slow = trickleBodies(gateway.url, SLOW_CLIENTS, head('/shop/orders', 1_000, keys.greedy), { gapMs: 1_000, holdMs: HOLD_MS });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const answers = await keepAsking(HOLD_MS - 1_500, 250, () => timedRequest(`${gateway.url}/shop/items`, '127.0.0.2', { headers: { 'x-api-key': keys.patient! } }));
    const exchanges = await slow;
    expectAnsweredWithinASecond(answers);
    // None of the slow bodies completed, so none of them reached the upstream.
    expect(upstream.received.filter((request) => request.method === 'POST')).toEqual([]);
    // Past the grace period the slow bodies were cut off: 408, connection closed.
    const cut = exchanges.filter((exchange) => exchange.status === 408);
    expect(cut.length).toBeGreaterThan(SLOW_CLIENTS / 2);
    expect(cut.every((exchange) => exchange.closedByServer && exchange.headers.connection === 'close')).toBe(true);
  }, 20_000);

  it('300 large anonymous bodies from one address: another address on the same upstream keeps being answered', async () => {
    const slow = trickleBodies(gateway.url, SLOW_CLIENTS, head('/shop/uploads', 1_000_000), { gapMs: 1_000, holdMs: HOLD_MS });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const answers = await keepAsking(HOLD_MS - 1_500, 250, () => timedRequest(`${gateway.url}/shop/status`, '127.0.0.3'));
    const exchanges = await slow;
    expectAnsweredWithinASecond(answers);
    // One address may hold half of the origin's 256 connections; the rest were refused at once.
    const refused = exchanges.filter((exchange) => exchange.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(SLOW_CLIENTS - 128);
    expect(refused[0]!.headers['retry-after']).toBe('1');
    expect(refused[0]!.body).toContain('"code":"concurrency_limited"');
    expect(refused.every((exchange) => exchange.closedByServer && exchange.elapsedMs < HOLD_MS)).toBe(true);
  }, 20_000);
});
