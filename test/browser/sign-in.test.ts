// Signing in to the portal in a real browser: the sign-in page, wrong passwords, the admin
// console for admins, and 403 for developers who try to open it.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { generateApiKey, hashPassword } from '@tollgate/domain';
import { useTestDatabase } from '@tollgate/db/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../support/portal';
import { chromiumAvailable, launchChromium } from './launch-chromium';

const ADMIN = { email: 'ada@example.com', password: 'correct horse battery staple' };
const DEVELOPER = { email: 'dev@example.com', password: 'developer password 1' };
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/browser');

const t = useTestDatabase();

async function seed(): Promise<void> {
  await t.db.user.create({ data: { email: ADMIN.email, name: 'Ada Admin', role: 'admin', passwordHash: await hashPassword(ADMIN.password) } });
  const developer = await t.db.user.create({
    data: { email: DEVELOPER.email, name: 'Dev Eloper', role: 'developer', passwordHash: await hashPassword(DEVELOPER.password) },
  });
  const weather = await t.db.api.create({
    data: { slug: 'weather', name: 'Weather', description: 'Forecasts by city.', basePath: '/weather', visibility: 'public', status: 'published' },
  });
  await t.db.api.create({ data: { slug: 'internal', name: 'Internal', basePath: '/internal', visibility: 'private', status: 'draft' } });
  await t.db.api.create({ data: { slug: 'payments', name: 'Payments', basePath: '/payments', visibility: 'public', status: 'published' } });
  const plan = await t.db.plan.create({ data: { slug: 'free', name: 'Free', apis: { create: [{ apiId: weather.id }] } } });
  await t.db.plan.create({ data: { slug: 'pro', name: 'Pro', monthlyPriceCents: 4900 } });
  const team = await t.db.team.create({ data: { slug: 'acme', name: 'Acme', members: { create: [{ userId: developer.id, role: 'owner' }] } } });
  const app = await t.db.app.create({ data: { slug: 'acme-app', name: 'Acme App', teamId: team.id } });
  await t.db.subscription.create({ data: { appId: app.id, apiId: weather.id, planId: plan.id } });
  for (const name of ['ci', 'laptop']) {
    const { hash, prefix } = generateApiKey('live');
    await t.db.apiKey.create({ data: { appId: app.id, name, hash, prefix } });
  }
  const revoked = generateApiKey('test');
  await t.db.apiKey.create({ data: { appId: app.id, name: 'old', hash: revoked.hash, prefix: revoked.prefix, environment: 'test', revokedAt: new Date() } });
}

async function signIn(page: Page, portal: RunningPortal, who: { email: string; password: string }, callbackUrl?: string) {
  await page.goto(`${portal.url}/signin${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ''}`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe.skipIf(!chromiumAvailable())('portal sign-in in a browser', () => {
  let portal: RunningPortal;
  let browser: Browser;

  beforeAll(async () => {
    await seed();
    portal = await startPortal({ databaseUrl: t.url });
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('renders the sign-in page', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${portal.url}/signin`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Email').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Password').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('says so when the password is wrong, and stays signed out', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, portal, { email: ADMIN.email, password: 'not the password' });
    await page.getByText('Wrong email or password.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/signin');
    const cookies = await context.cookies();
    expect(cookies.some((cookie) => cookie.name.includes('session-token'))).toBe(false);
    await context.close();
  });

  it('shows unknown emails the same error', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, portal, { email: 'nobody@example.com', password: ADMIN.password });
    await page.getByText('Wrong email or password.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/signin');
    await context.close();
  });

  it('takes an admin to the console with counts from the database', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, portal, ADMIN);
    await page.waitForURL(`${portal.url}/admin`);
    await page.getByRole('heading', { name: 'Overview', exact: true }).waitFor();
    const stat = (label: string) => page.locator(`[data-stat="${label}"]`).textContent();
    expect(await stat('APIs')).toBe('3');
    expect(await stat('Plans')).toBe('2');
    expect(await stat('Apps')).toBe('1');
    expect(await stat('Keys')).toBe('2');
    const nav = page.getByRole('navigation', { name: 'Admin console' });
    for (const label of ['APIs', 'Plans', 'Teams', 'Keys', 'Usage']) {
      await expect(nav.getByRole('link', { name: label, exact: true }).isVisible()).resolves.toBe(true);
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-console.png'), fullPage: true });

    await nav.getByRole('link', { name: 'Keys', exact: true }).click();
    await page.getByRole('heading', { name: 'Keys', exact: true }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(3);
    await context.close();
  });

  it('keeps a developer out of the console', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, portal, DEVELOPER);
    await page.waitForURL(`${portal.url}/`);
    await page.getByRole('heading', { name: 'API catalog' }).waitFor();
    const catalog = await page.getByRole('list', { name: 'APIs' }).getByRole('heading').allTextContents();
    expect(catalog).toEqual(['Payments', 'Weather']);

    const response = await page.goto(`${portal.url}/admin`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'The admin console is for admins' }).isVisible()).resolves.toBe(true);
    expect(await page.locator('[data-stat]').count()).toBe(0);

    const keys = await page.goto(`${portal.url}/admin/keys`);
    expect(keys?.status()).toBe(403);
    expect(await page.content()).not.toContain('tg_live_');

    await page.goto(`${portal.url}/apps`);
    await page.getByRole('heading', { name: 'Apps', exact: true }).waitFor();
    expect(await page.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('Acme App')]);
    await context.close();
  });

  it('sends signed-out visitors of the console to the sign-in page and back, and signs out', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${portal.url}/admin/plans`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe('/admin/plans');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${portal.url}/admin/plans`);
    await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${portal.url}/signin`);
    await page.goto(`${portal.url}/admin`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    await context.close();
  });
});
