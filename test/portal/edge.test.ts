// The portal's edge, probed as an attacker would: oversized and endless bodies, slow headers,
// malformed callbackUrl and JSON, and the security headers on every kind of response.
import { hashPassword } from '@tollgate/domain';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../support/portal';
import { expectSecurityHeaders, expectScriptsCarryNonce } from './expect-security-headers';
import { trickleHeaders, uploadUntilClosed } from './raw-http';
import { cookiesOf, signInOverHttp } from './sign-in-over-http';

const t = useTestDatabase();
const ADMIN = { email: 'edge-admin@example.com', password: 'edge admin password' };
const MiB = 1024 * 1024;

let portal: RunningPortal;

beforeAll(async () => {
  await t.db.user.create({ data: { email: ADMIN.email, name: 'Edge Admin', role: 'admin', passwordHash: await hashPassword(ADMIN.password) } });
  portal = await startPortal({ databaseUrl: t.url, env: { REDIS_URL: '' } });
}, 600_000);

afterAll(async () => {
  await portal?.stop();
});

describe('request bodies', () => {
  for (const mode of ['content-length', 'chunked'] as const) {
    it(`answers a 50 MiB POST (${mode}) to next-auth with 413 without reading it`, async () => {
      const outcome = await uploadUntilClosed(portal.url, '/api/auth/callback/credentials', 50 * MiB, mode);
      expect(outcome.status).toBe(413);
      expect(outcome.contentType).toBe('application/problem+json');
      expect(JSON.parse(outcome.body)).toMatchObject({ status: 413, code: 'payload_too_large' });
      expect(outcome.ms).toBeLessThan(10_000);
      // Kernel buffers on loopback hold tens of MiB; a server that read the body would have taken all 50.
      expect(outcome.bytesAccepted).toBeLessThan(50 * MiB);
    });
  }

  it.each(['/api/healthz', '/signin', '/api/admin/v1/apis'])('caps %s at PORTAL_MAX_BODY_BYTES (10 MiB by default)', async (path) => {
    const outcome = await uploadUntilClosed(portal.url, path, 50 * MiB, 'content-length');
    expect(outcome.status).toBe(413);
    expect(outcome.bytesAccepted).toBeLessThan(50 * MiB);
    expect((await fetch(`${portal.url}/api/healthz`)).status).toBe(200);
  });
});

describe('slow clients', () => {
  it('hangs up on a client that sends its headers one byte per second', async () => {
    const { closedAfterMs, received } = await trickleHeaders(portal.url, 30_000);
    expect(closedAfterMs).toBeLessThan(15_000);
    expect(received).not.toContain('200 OK');
  }, 40_000);
});

describe('malformed input', () => {
  const callback = () => `${portal.url}/api/auth/callback/credentials`;
  const post = (body: string, type: string) => fetch(callback(), { method: 'POST', redirect: 'manual', headers: { 'content-type': type }, body });

  it.each([
    ['a broken JSON body', '{"email": ', 'application/json'],
    ['a JSON array', '[1, 2]', 'application/json'],
    ['a non-string field', '{"callbackUrl": {"href": "/"}}', 'application/json'],
    ['an unparseable callbackUrl', 'callbackUrl=http%3A%2F%2F%5B&email=a&password=b', 'application/x-www-form-urlencoded'],
    ['a callbackUrl that is not a URL', '{"callbackUrl": "not a url"}', 'application/json'],
  ])('answers %s with 400 problem+json', async (_name, body, type) => {
    const response = await post(body, type);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 400, code: 'bad_request' });
  });

  it.each(['/api/auth/signin?callbackUrl=http%3A%2F%2F%5B', '/api/auth/callback/credentials?callbackUrl=%E0%A4%A', '/api/auth/signout?callbackUrl=%5C%5Cevil'])(
    'sends a browser with a malformed callbackUrl to the sign-in page: %s',
    async (path) => {
      const response = await fetch(`${portal.url}${path}`, { redirect: 'manual' });
      expect(response.status).toBe(303);
      expect(new URL(response.headers.get('location') ?? '', portal.url).pathname).toBe('/signin');
    },
  );

  it.each(['http%3A%2F%2F%5B', '%E0%A4%A', '%2F%2Fevil.example'])('renders the sign-in page for callbackUrl=%s', async (value) => {
    const response = await fetch(`${portal.url}/signin?callbackUrl=${value}`);
    expect(response.status).toBe(200);
  });

  it('still signs in with a well-formed JSON body', async () => {
    const csrf = await fetch(`${portal.url}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await fetch(callback(), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/json', cookie: cookiesOf(csrf) },
      body: JSON.stringify({ ...ADMIN, csrfToken, json: 'true', callbackUrl: '/admin' }),
    });
    expect(response.status).toBe(200);
    expect(cookiesOf(response)).toContain('session-token=');
  });

  it('never answered 500 and logged no unhandled error', () => {
    expect(portal.output()).not.toMatch(/⨯|Unhandled|TypeError|SyntaxError/);
  });
});

describe('security headers', () => {
  it.each(['/', '/signin', '/apis', '/no-such-page', '/admin', '/api/healthz', '/api/auth/session', '/api/auth/csrf', '/api/no-such-route'])(
    'are on %s',
    async (path) => {
      const response = await fetch(`${portal.url}${path}`, { redirect: 'manual' });
      expectSecurityHeaders(response, { https: false });
      const page = !path.startsWith('/api/') && response.headers.get('content-type')?.startsWith('text/html');
      if (page) expectScriptsCarryNonce(response, await response.text());
    },
  );

  it("are on a signed-in admin's pages, static files and the server's own refusals", async () => {
    const { cookie } = await signInOverHttp(portal.url, ADMIN);
    const admin = await fetch(`${portal.url}/admin`, { headers: { cookie } });
    expect(admin.status).toBe(200);
    const html = await admin.text();
    expectSecurityHeaders(admin, { https: false });
    expectScriptsCarryNonce(admin, html);

    const asset = html.match(/\/_next\/static\/[^"']+\.js/)?.[0];
    expect(asset).toBeDefined();
    expectSecurityHeaders(await fetch(`${portal.url}${asset}`), { https: false });

    const tooLarge = await fetch(`${portal.url}/api/auth/callback/credentials`, { method: 'POST', body: 'a'.repeat(128 * 1024) });
    expect(tooLarge.status).toBe(413);
    expectSecurityHeaders(tooLarge, { https: false });
  });
});

describe('security headers over https', () => {
  let secure: RunningPortal;
  beforeAll(async () => {
    secure = await startPortal({ databaseUrl: t.url, env: { REDIS_URL: '', NEXTAUTH_URL: 'https://portal.example.com' } });
  }, 600_000);
  afterAll(async () => {
    await secure?.stop();
  });

  it.each(['/signin', '/api/healthz'])('add HSTS on %s when NEXTAUTH_URL is https', async (path) => {
    const response = await fetch(`${secure.url}${path}`);
    expectSecurityHeaders(response, { https: true });
  });
});
