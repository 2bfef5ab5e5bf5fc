// Guessing passwords against the built portal: an account is locked after five wrong
// passwords (even the right one is refused), other accounts are not, X-Forwarded-For from
// an untrusted peer changes nothing, and one client address is locked after 30 failures.
import { randomBytes } from 'node:crypto';
import { hashPassword } from '@tollgate/domain';
import { testRedisUrl, useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../support/portal';
import { signInOverHttp } from './sign-in-over-http';

const t = useTestDatabase();
const run = randomBytes(4).toString('hex');
const PASSWORD = 'the right password';
const VICTIM = `victim-${run}@example.com`;
const BYSTANDER = `bystander-${run}@example.com`;
const OTHER = `other-${run}@example.com`;
const wrong = (email: string) => ({ email, password: 'a wrong guess' });
const right = (email: string) => ({ email, password: PASSWORD });
// A documentation-range address unique to this run, so counts kept in a shared Redis never collide.
const runAddress = (last: number) => `198.18.${parseInt(run.slice(0, 2), 16)}.${last}`;

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  for (const email of [VICTIM, BYSTANDER, OTHER]) {
    await t.db.user.create({ data: { email, name: email, role: 'developer', passwordHash } });
  }
});

describe.each([
  { store: 'memory', env: () => ({ REDIS_URL: '', PORTAL_TRUSTED_PROXIES: '127.0.0.1' }) },
  { store: 'redis', env: () => ({ REDIS_URL: testRedisUrl(), PORTAL_TRUSTED_PROXIES: '127.0.0.1' }) },
])('sign-in throttle ($store store)', ({ store, env }) => {
  let portal: RunningPortal;
  const from = (last: number) => ({ 'x-forwarded-for': runAddress(store === 'memory' ? last : last + 100) });

  beforeAll(async () => {
    portal = await startPortal({ databaseUrl: t.url, env: env() });
  }, 600_000);
  afterAll(async () => {
    await portal?.stop();
  });

  it('locks an account after five wrong passwords, even against the right one', async () => {
    const victim = VICTIM;
    for (let attempt = 1; attempt <= 5; attempt++) {
      const outcome = await signInOverHttp(portal.url, wrong(victim), from(1));
      expect(outcome).toMatchObject({ error: 'CredentialsSignin', signedIn: false });
    }
    const sixth = await signInOverHttp(portal.url, wrong(victim), from(1));
    expect(sixth).toMatchObject({ status: 429, error: 'TooManyAttempts-1', signedIn: false });
    expect(Number(sixth.retryAfter)).toBeGreaterThan(0);

    // The right password, from the same or another address, is refused while the lock lasts.
    for (const headers of [from(1), from(2)]) {
      const outcome = await signInOverHttp(portal.url, right(victim), headers);
      expect(outcome).toMatchObject({ status: 429, signedIn: false });
      expect(outcome.error).toMatch(/^TooManyAttempts-\d+$/);
    }
    // Another account signs in from the same address.
    await expect(signInOverHttp(portal.url, right(BYSTANDER), from(1))).resolves.toMatchObject({ error: null, signedIn: true });
  }, 60_000);
});

describe('sign-in throttle per client address', () => {
  let trusting: RunningPortal;
  let untrusting: RunningPortal;

  beforeAll(async () => {
    [trusting, untrusting] = await Promise.all([
      startPortal({ databaseUrl: t.url, env: { REDIS_URL: '', PORTAL_TRUSTED_PROXIES: '127.0.0.0/8' } }),
      startPortal({ databaseUrl: t.url, env: { REDIS_URL: '' } }),
    ]);
  }, 600_000);
  afterAll(async () => {
    await Promise.all([trusting?.stop(), untrusting?.stop()]);
  });

  it('locks an address after 30 failures over many accounts, and only that address', async () => {
    const attacker = { 'x-forwarded-for': `192.0.2.77, ${runAddress(7)}` };
    for (let attempt = 0; attempt < 30; attempt++) {
      await signInOverHttp(trusting.url, wrong(`nobody-${attempt}-${run}@example.com`), attacker);
    }
    const refused = await signInOverHttp(trusting.url, right(OTHER), attacker);
    expect(refused).toMatchObject({ status: 429, signedIn: false });
    await expect(signInOverHttp(trusting.url, right(OTHER), { 'x-forwarded-for': runAddress(8) })).resolves.toMatchObject({ signedIn: true });
  }, 120_000);

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    for (let attempt = 0; attempt < 30; attempt++) {
      // A new forged address each time: were it believed, no address would ever reach the limit.
      const forged = { 'x-forwarded-for': `203.0.113.${attempt}` };
      await signInOverHttp(untrusting.url, wrong(`nobody-${attempt}-${run}@example.com`), forged);
    }
    const refused = await signInOverHttp(untrusting.url, right(OTHER), { 'x-forwarded-for': '203.0.113.200' });
    expect(refused).toMatchObject({ status: 429, signedIn: false });
  }, 120_000);
});

describe('sign-in throttle with its Redis unreachable', () => {
  let portal: RunningPortal;
  beforeAll(async () => {
    portal = await startPortal({ databaseUrl: t.url, env: { REDIS_URL: 'redis://127.0.0.1:1' } });
  }, 600_000);
  afterAll(async () => {
    await portal?.stop();
  });

  it('fails open: passwords are still checked, and the outage is logged', async () => {
    await expect(signInOverHttp(portal.url, wrong(OTHER))).resolves.toMatchObject({ error: 'CredentialsSignin', signedIn: false });
    await expect(signInOverHttp(portal.url, right(OTHER))).resolves.toMatchObject({ error: null, signedIn: true });
    expect(portal.output()).toContain('sign-in throttle');
  }, 60_000);
});
