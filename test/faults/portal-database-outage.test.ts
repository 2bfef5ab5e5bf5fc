// The portal in front of a database that stops answering, on a private PostgreSQL: a held
// lock on the table it probes, then the server stopped. Pages answer a readable 503 page
// and the admin API problem+json 503, each at once instead of hanging, and the portal
// serves again as soon as the database answers.
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../support/portal';
import { startPrivatePostgres, type PrivatePostgres } from './metering-fixture';

const ADMIN_TOKEN = 'portal-outage-admin-token';
/** Well above the probe's timeout and interval, far below a request left hanging. */
const ANSWER_BOUND_MS = 5_000;

let postgres: PrivatePostgres;
let portal: RunningPortal;

beforeAll(async () => {
  postgres = await startPrivatePostgres();
  portal = await startPortal({ databaseUrl: postgres.dbUrl, env: { ADMIN_TOKEN, PORTAL_DATABASE_TIMEOUT_MS: '1000' } });
}, 600_000);

afterAll(async () => {
  await portal?.stop();
  await postgres?.db.$disconnect();
  await postgres?.stop();
});

interface Answer {
  status: number;
  ms: number;
  contentType: string;
  retryAfter: string | null;
  body: string;
}

async function get(path: string, headers: Record<string, string>): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${portal.url}${path}`, { headers, redirect: 'manual', signal: AbortSignal.timeout(60_000) });
  const body = await response.text();
  return {
    status: response.status,
    ms: performance.now() - started,
    contentType: response.headers.get('content-type') ?? '',
    retryAfter: response.headers.get('retry-after'),
    body,
  };
}

const page = () => get('/apis', { accept: 'text/html' });
const api = () => get('/api/admin/v1/apis', { authorization: `Bearer ${ADMIN_TOKEN}`, accept: 'application/json' });

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function expectUnavailable(pageAnswer: Answer, apiAnswer: Answer): void {
  expect(pageAnswer.status).toBe(503);
  expect(pageAnswer.contentType).toContain('text/html');
  expect(pageAnswer.body).toContain('Tollgate is temporarily unavailable');
  expect(pageAnswer.retryAfter).toMatch(/^\d+$/);
  expect(pageAnswer.ms).toBeLessThan(ANSWER_BOUND_MS);
  expect(apiAnswer.status).toBe(503);
  expect(apiAnswer.contentType).toContain('application/problem+json');
  expect(JSON.parse(apiAnswer.body)).toMatchObject({ status: 503, title: 'Database unavailable' });
  expect(apiAnswer.ms).toBeLessThan(ANSWER_BOUND_MS);
}

describe('the portal when its database stops answering', () => {
  it('serves normally while the database answers', { timeout: 120_000 }, async () => {
    expect((await page()).status).toBe(200);
    expect((await api()).status).toBe(200);
  });

  it('answers 503 at once while a lock holds the tables, and serves again when it is released', { timeout: 120_000 }, async () => {
    const holder = new Client({ connectionString: postgres.dbUrl });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('lock table config_state, apis in access exclusive mode');
      await until(async () => (await page()).status === 503, 30_000);
      expectUnavailable(await page(), await api());
      // Static files need no database.
      expect((await get('/api/healthz', {})).status).toBe(200);
    } finally {
      await holder.query('rollback').catch(() => undefined);
      await holder.end();
    }
    await until(async () => (await page()).status === 200, 30_000);
    expect((await api()).status).toBe(200);
  });

  it('answers 503 at once while PostgreSQL is stopped, and serves again once it is back', { timeout: 180_000 }, async () => {
    await postgres.pause();
    try {
      await until(async () => (await page()).status === 503, 30_000);
      expectUnavailable(await page(), await api());
    } finally {
      await postgres.start();
    }
    await until(async () => (await page()).status === 200 && (await api()).status === 200, 60_000);
  });
});
