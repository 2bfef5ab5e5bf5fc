/// <reference lib="dom" />
// A developer's apps in the portal, in a real browser against a production build: create an
// app, subscribe it on a free plan (subscribing twice is refused inline), create a key whose
// secret is shown once, roll it with a grace period (over 7 days is refused inline), revoke the
// old one; a plan that needs approval shows "Pending approval" until an admin approves it in the
// console, and the team is told in a notification it marks read and by mail. Axe and
// screenshots, light and dark, 390 px.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useTestDatabase } from '@tollgate/db/testing';
import { hashApiKey, hashPassword } from '@tollgate/domain';
import { createApi, createPlan, createRoute, createTeam, runOperation, type Principal } from '@tollgate/operations';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForMailLink } from '../support/mail-outbox';
import { startPortal, type RunningPortal } from '../support/portal';
import { SCREENSHOTS, shot, signInToConsole } from './console-page';
import { problemsInEveryLook } from './every-look';
import { chromiumAvailable, launchChromium } from './launch-chromium';

const DEVELOPER = { email: 'dana@example.com', password: 'portal apps password 1' };
const ADMIN = { email: 'ada@example.com', password: 'portal apps admin password 1' };
const DESKTOP = { width: 1280, height: 900 };
const admin: Principal = { kind: 'user', id: '00000000-0000-4000-8000-0000000000ad', label: 'admin@example.com', role: 'admin' };

const t = useTestDatabase();

async function seed(): Promise<void> {
  const run = (operation: Parameters<typeof runOperation>[2], input: unknown) => runOperation(t.db, admin, operation, input);
  for (const [slug, name] of [['weather', 'Weather'], ['maps', 'Maps']]) {
    await run(createApi, { slug, name, basePath: `/${slug}`, status: 'published' });
    await run(createRoute, { apiSlug: slug, path: '/forecast/{city}', methods: ['GET'] });
  }
  await run(createApi, { slug: 'vault', name: 'Vault', basePath: '/vault', status: 'published', visibility: 'partner' });
  await run(createPlan, { slug: 'free', name: 'Free', apis: ['weather', 'vault'] });
  await run(createPlan, { slug: 'gold', name: 'Gold', apis: ['maps'], approvalRequired: true });
  await run(createTeam, { slug: 'acme', name: 'Acme' });
  const user = await t.db.user.create({ data: { email: DEVELOPER.email, name: 'Dana Developer', role: 'developer', emailVerifiedAt: new Date(), passwordHash: await hashPassword(DEVELOPER.password) } });
  await t.db.teamMember.create({ data: { teamId: (await t.db.team.findUniqueOrThrow({ where: { slug: 'acme' } })).id, userId: user.id, role: 'owner' } });
  await t.db.user.create({ data: { email: ADMIN.email, name: 'Ada Admin', role: 'admin', passwordHash: await hashPassword(ADMIN.password) } });
}

/** Picks an option of a Radix select named by its label. */
async function choose(scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await scope.page().getByRole('option', { name: option, exact: true }).click();
}

describe.skipIf(!chromiumAvailable())('apps, subscriptions and keys in the developer portal', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let firstKey = { prefix: '', secret: '' };
  let outbox = '';

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await seed();
    outbox = mkdtempSync(path.join(tmpdir(), 'tollgate-outbox-'));
    portal = await startPortal({ databaseUrl: t.url, env: { MAIL_OUTBOX_DIR: outbox } });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: DESKTOP, bypassCSP: true, colorScheme: 'light' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: portal.url });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${portal.url}/signin?callbackUrl=${encodeURIComponent('/apps')}`);
    await page.getByLabel('Email').fill(DEVELOPER.email);
    await page.getByLabel('Password').fill(DEVELOPER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${portal.url}/apps`);
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    if (outbox) rmSync(outbox, { recursive: true, force: true });
  });

  it('creates an app, whose slug follows its name, and opens its page', async () => {
    await page.getByRole('heading', { level: 1, name: 'Apps' }).waitFor();
    await page.getByText('No apps yet').waitFor();
    await page.getByRole('button', { name: 'New app' }).click();
    const dialog = page.getByRole('dialog', { name: 'New app' });
    await dialog.getByLabel('Name').fill('Weather Widget');
    await expect.poll(() => dialog.getByLabel('Slug').inputValue()).toBe('weather-widget');
    await dialog.getByRole('button', { name: 'Create app' }).click();
    await page.waitForURL(`${portal.url}/apps/weather-widget`);
    await page.getByRole('heading', { level: 1, name: 'Weather Widget' }).waitFor();
    expect(await t.db.app.findUniqueOrThrow({ where: { slug: 'weather-widget' }, include: { team: true } })).toMatchObject({ name: 'Weather Widget', team: { slug: 'acme' } });
  });

  it('subscribes on a free plan, offers no partner-only API, and refuses a second subscription inline', async () => {
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const dialog = page.getByRole('dialog', { name: 'Subscribe to an API' });
    await dialog.getByRole('combobox', { name: 'API' }).click();
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual(['Maps', 'Weather']);
    await page.getByRole('option', { name: 'Weather', exact: true }).click();
    await choose(dialog, 'Plan', 'Free');
    await dialog.getByRole('button', { name: 'Subscribe' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const subscriptions = page.getByRole('region', { name: 'Subscriptions of Weather Widget' });
    await expect.poll(() => subscriptions.locator('tbody tr').first().textContent()).toMatch(/Weather.*Free.*Active/);

    await page.getByRole('button', { name: 'Subscribe' }).click();
    await choose(dialog, 'API', 'Weather (subscribed)');
    await dialog.getByRole('button', { name: 'Subscribe' }).click();
    await dialog.getByText('app "weather-widget" already subscribes to it').waitFor();
    await page.keyboard.press('Escape');
    expect(await t.db.subscription.count()).toBe(1);
  });

  it('creates a key and shows its secret once, with a copy button', { timeout: 60_000 }, async () => {
    await page.getByRole('button', { name: 'New key' }).click();
    const dialog = page.getByRole('dialog', { name: 'New key' });
    await dialog.getByRole('button', { name: 'Create key' }).click();
    await dialog.getByText('give the key a name').waitFor();
    await dialog.getByLabel('Name').fill('production');
    await dialog.getByRole('radio', { name: /^One API/ }).click();
    await dialog.getByLabel('Expires on').fill('2001-01-01');
    await dialog.getByRole('button', { name: 'Create key' }).click();
    await dialog.getByText('must be in the future').waitFor();
    await dialog.getByLabel('Expires on').fill('');
    await dialog.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByRole('dialog', { name: 'Copy your new key' });
    const secret = (await shown.getByLabel('Key', { exact: true }).textContent())!.trim();
    const stored = await t.db.apiKey.findFirstOrThrow({ where: { name: 'production' } });
    expect(stored).toMatchObject({ hash: hashApiKey(secret), scopes: ['weather'], expiresAt: null });
    await shot(page, 'portal-app-key-secret-light-desktop');
    await shown.getByRole('button', { name: 'Copy key' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'hidden' });
    firstKey = { prefix: stored.prefix, secret };
    const keys = page.getByRole('region', { name: 'Keys of Weather Widget' });
    await expect.poll(() => keys.locator('tbody tr').first().textContent()).toContain(`${stored.prefix}…`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Weather Widget' }).waitFor();
    expect(await page.content()).not.toContain(secret);
  });

  it('rolls the key with a grace period (over 7 days refused inline), then revokes the old one', async () => {
    await page.getByRole('button', { name: `Roll key ${firstKey.prefix}… (production)` }).click();
    const dialog = page.getByRole('dialog', { name: `Roll key ${firstKey.prefix}… (production)` });
    await dialog.getByLabel('Grace period (days)').fill('8');
    await dialog.getByRole('button', { name: 'Roll key' }).click();
    await dialog.getByText('must be at most 7 days').waitFor();
    expect(await t.db.apiKey.count()).toBe(1);
    await dialog.getByLabel('Grace period (days)').fill('2');
    await dialog.getByRole('button', { name: 'Roll key' }).click();
    const shown = page.getByRole('dialog', { name: 'Copy the new key' });
    const secret = (await shown.getByLabel('Key', { exact: true }).textContent())!.trim();
    const [old, rolled] = await Promise.all([t.db.apiKey.findFirstOrThrow({ where: { prefix: firstKey.prefix } }), t.db.apiKey.findFirstOrThrow({ where: { rotatedFromId: { not: null } } })]);
    expect(rolled).toMatchObject({ hash: hashApiKey(secret), rotatedFromId: old.id, scopes: ['weather'], name: 'production' });
    expect(old.expiresAt!.getTime() - Date.now()).toBeGreaterThan(86_400_000);
    await shown.getByRole('button', { name: 'Done' }).click();
    const keys = page.getByRole('region', { name: 'Keys of Weather Widget' });
    await expect.poll(() => keys.locator('tbody tr').first().textContent()).toContain(`replaces ${firstKey.prefix}…`);

    await page.getByRole('button', { name: `Revoke key ${firstKey.prefix}… (production)` }).click();
    const confirm = page.getByRole('alertdialog', { name: `Revoke key ${firstKey.prefix}… (production)?` });
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await t.db.apiKey.findUniqueOrThrow({ where: { id: old.id } })).revokedAt).not.toBeNull();
    await expect.poll(() => keys.locator('tbody tr').nth(1).textContent()).toMatch(/revoked/);
  });

  it('shows a plan that needs approval as pending until an admin approves it in the console, and tells the team', { timeout: 60_000 }, async () => {
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const dialog = page.getByRole('dialog', { name: 'Subscribe to an API' });
    await choose(dialog, 'API', 'Maps');
    await choose(dialog, 'Plan', 'Gold (needs approval)');
    await dialog.getByRole('button', { name: 'Subscribe' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const subscriptions = page.getByRole('region', { name: 'Subscriptions of Weather Widget' });
    await expect.poll(() => subscriptions.locator('tbody tr').first().textContent()).toMatch(/Maps.*Gold.*Pending approval/);
    const console_ = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    await signInToConsole(console_, portal.url, ADMIN);
    await console_.goto(`${portal.url}/admin/subscriptions`);
    await console_.getByRole('button', { name: 'Approve weather-widget → maps' }).click();
    const confirm = console_.getByRole('alertdialog', { name: 'Approve weather-widget → maps?' });
    await confirm.getByRole('button', { name: 'Approve', exact: true }).click();
    await confirm.waitFor({ state: 'hidden' });
    await console_.context().close();
    expect(await waitForMailLink(outbox, DEVELOPER.email, 'weather-widget may call maps')).toBe(`${portal.url}/apps/weather-widget`);
    await page.reload();
    await expect.poll(() => subscriptions.locator('tbody tr').allTextContents()).toEqual([expect.stringMatching(/Weather.*Active/), expect.stringMatching(/Maps.*Gold.*Active/)]);

    await page.goto(`${portal.url}/apps`);
    const notifications = page.getByRole('region', { name: /Notifications/ });
    await notifications.getByText('1 unread').waitFor();
    await notifications.getByRole('link', { name: 'weather-widget may call maps' }).waitFor();
    await notifications.getByRole('button', { name: 'Mark read: weather-widget may call maps' }).click();
    await expect.poll(() => notifications.getByText('1 unread').count()).toBe(0);
    expect((await t.db.notification.findFirstOrThrow()).readAt).not.toBeNull();
  });

  it('has no serious accessibility violations and saves screenshots, light and dark, desktop and 390 px', async () => {
    const state = await context.storageState();
    const found = await problemsInEveryLook(browser, { desktop: DESKTOP, storageState: state }, async ({ page: tab, check, shot }) => {
      for (const [name, path, heading] of [['apps', '/apps', 'Apps'], ['app', '/apps/weather-widget', 'Weather Widget']] as const) {
        await tab.goto(`${portal.url}${path}`);
        await tab.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
        await check(name);
        await shot(`portal-${name}`);
      }
    });
    expect(found).toEqual([]);
  }, 300_000);
});
