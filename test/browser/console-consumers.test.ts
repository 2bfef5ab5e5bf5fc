/// <reference lib="dom" />
// Consumers in the console, in a real browser: the admin approves a pending subscription,
// rejects another with a reason (inline error first), revokes a key, finds each step in the
// audit log, walks teams -> team -> app; axe checks and screenshots, light and dark, at 390 px.
import { useTestDatabase } from '@tollgate/db/testing';
import { hashPassword } from '@tollgate/domain';
import { createApi, createApp, createKey, createPlan, createSubscription, createTeam, runOperation, type Principal } from '@tollgate/operations';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPortal } from '../support/portal';
import { type ConsoleSession, openConsoleSession } from './console-page';
import { problemsInEveryLook } from './every-look';
import { chromiumAvailable } from './launch-chromium';

const ADMIN = { email: 'ada@example.com', password: 'console consumers password 1' };
const DESKTOP = { width: 1280, height: 860 };
const PAGES = [
  { path: '/admin/teams', heading: 'Teams', name: 'teams' },
  { path: '/admin/teams/acme', heading: 'Acme', name: 'team' },
  { path: '/admin/apps', heading: 'Apps', name: 'apps' },
  { path: '/admin/apps/acme-app', heading: 'Acme App', name: 'app' },
  { path: '/admin/subscriptions', heading: 'Subscriptions', name: 'subscriptions' },
  { path: '/admin/keys', heading: 'Keys', name: 'keys' },
] as const;

const t = useTestDatabase();
let keyPrefix = '';

async function seed(): Promise<void> {
  const user = await t.db.user.create({ data: { email: ADMIN.email, name: 'Ada Admin', role: 'admin', passwordHash: await hashPassword(ADMIN.password) } });
  const ada: Principal = { kind: 'user', id: user.id, label: user.email, role: 'admin' };
  const run = (operation: Parameters<typeof runOperation>[2], input: unknown) => runOperation(t.db, ada, operation, input);
  for (const slug of ['weather', 'maps']) await run(createApi, { slug, name: slug, basePath: `/${slug}`, status: 'published' });
  await run(createPlan, { slug: 'free', name: 'Free', apis: ['weather', 'maps'] });
  await run(createPlan, { slug: 'gold', name: 'Gold', apis: ['weather', 'maps'], approvalRequired: true });
  await run(createTeam, { slug: 'acme', name: 'Acme' });
  await run(createApp, { team: 'acme', slug: 'acme-app', name: 'Acme App', description: 'The weather widget' });
  await run(createApp, { team: 'acme', slug: 'acme-batch', name: 'Acme Batch' });
  await run(createSubscription, { app: 'acme-app', api: 'weather', plan: 'gold' });
  await run(createSubscription, { app: 'acme-batch', api: 'maps', plan: 'gold' });
  await run(createSubscription, { app: 'acme-batch', api: 'weather', plan: 'free' });
  keyPrefix = ((await run(createKey, { app: 'acme-app', name: 'ci' })) as { prefix: string }).prefix;
}

describe.skipIf(!chromiumAvailable())('consumers in the console', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;

  let session: ConsoleSession | undefined;

  beforeAll(async () => {
    await seed();
    session = await openConsoleSession(t.url, ADMIN, { viewport: DESKTOP });
    ({ portal, browser, desktop, page } = session);
  }, 600_000);

  afterAll(() => session?.close());

  it('lists pending requests first and approves one after confirming', async () => {
    await page.goto(`${portal.url}/admin/subscriptions`);
    await page.getByRole('heading', { level: 1, name: 'Subscriptions' }).waitFor();
    const rows = page.getByRole('region', { name: 'Subscriptions' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    await expect(rows.nth(0).textContent()).resolves.toContain('pending');
    await expect(rows.nth(1).textContent()).resolves.toContain('pending');
    await expect(rows.nth(2).textContent()).resolves.toContain('active');
    await page.getByRole('button', { name: 'Approve acme-app → weather' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Approve acme-app → weather?' });
    await confirm.getByRole('button', { name: 'Approve', exact: true }).click();
    await confirm.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await t.db.subscription.findFirstOrThrow({ where: { app: { slug: 'acme-app' } } })).status).toBe('active');
    await expect.poll(() => page.getByRole('button', { name: 'Approve acme-app → weather' }).count()).toBe(0);
  });

  it('rejects a request only with a reason, shown inline until given', async () => {
    await page.getByRole('button', { name: 'Reject acme-batch → maps' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject acme-batch → maps' });
    await dialog.getByRole('button', { name: 'Reject request' }).click();
    await dialog.getByText('Say why: the team sees this.').waitFor();
    await dialog.getByLabel('Reason').fill('No use case given');
    await dialog.getByRole('button', { name: 'Reject request' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const rejected = await t.db.subscription.findFirstOrThrow({ where: { app: { slug: 'acme-batch' }, api: { slug: 'maps' } } });
    expect(rejected).toMatchObject({ status: 'cancelled', statusReason: 'No use case given' });
    await page.getByText('No use case given').waitFor();
  });

  it('revokes a key from the keys page, filtered by state', async () => {
    await page.goto(`${portal.url}/admin/keys`);
    await page.getByRole('button', { name: `Revoke key ${keyPrefix}… (ci)` }).click();
    const confirm = page.getByRole('alertdialog', { name: `Revoke key ${keyPrefix}… (ci)?` });
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await t.db.apiKey.findFirstOrThrow({ where: { prefix: keyPrefix } })).revokedAt).not.toBeNull();
    await page.goto(`${portal.url}/admin/keys?state=revoked`);
    const rows = page.getByRole('region', { name: 'API keys' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await expect(rows.first().textContent()).resolves.toMatch(/revoked/);
  });

  it('finds the approval, the rejection and the revocation in the audit log, by the signed-in admin', async () => {
    await page.goto(`${portal.url}/admin/audit-log`);
    const entries = page.getByRole('region', { name: 'Audit log entries, newest first' });
    for (const action of ['keys.revoke', 'subscriptions.reject', 'subscriptions.approve']) {
      await entries.getByText(action, { exact: true }).first().waitFor();
    }
    const rows = await entries.locator('tbody tr').allTextContents();
    expect(rows.slice(0, 3).map((row) => row.match(/keys\.revoke|subscriptions\.(reject|approve)/)?.[0])).toEqual(['keys.revoke', 'subscriptions.reject', 'subscriptions.approve']);
    expect(rows.slice(0, 3).every((row) => row.includes(ADMIN.email))).toBe(true);
  });

  it('walks from teams to a team and its app, which shows subscriptions, keys and last use', async () => {
    await page.goto(`${portal.url}/admin/teams`);
    await page.getByRole('link', { name: 'Acme', exact: true }).click();
    await page.waitForURL(`${portal.url}/admin/teams/acme`);
    await page.getByRole('link', { name: 'Acme App', exact: true }).click();
    await page.waitForURL(`${portal.url}/admin/apps/acme-app`);
    const keys = page.getByRole('region', { name: 'Keys of Acme App' });
    await expect(keys.locator('tbody tr').first().textContent()).resolves.toMatch(/revoked.*never/);
    const subscriptions = page.getByRole('region', { name: 'Subscriptions of Acme App' });
    await expect(subscriptions.locator('tbody tr').first().textContent()).resolves.toMatch(/weather.*gold.*active/);
  });

  it('shows the server\'s field error inline when a team slug is taken', async () => {
    await page.goto(`${portal.url}/admin/teams`);
    await page.getByRole('button', { name: 'New team' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New team' });
    await dialog.getByLabel('Name').fill('Acme again');
    await dialog.getByLabel('Slug').fill('acme');
    await dialog.getByRole('button', { name: 'Create team' }).click();
    await dialog.getByText('"acme" is already taken').waitFor();
    await page.keyboard.press('Escape');
  });

  it('has no serious accessibility violations and saves screenshots, light and dark, desktop and 390 px', async () => {
    const state = await desktop.storageState();
    const found = await problemsInEveryLook(browser, { desktop: DESKTOP, storageState: state }, async ({ page: view, check, shot }) => {
      for (const target of PAGES) {
        await view.goto(`${portal.url}${target.path}`);
        await view.getByRole('heading', { level: 1, name: target.heading, exact: true }).waitFor();
        await check(target.name);
        await shot(`consumers-${target.name}`);
      }
    });
    expect(found).toEqual([]);
  }, 300_000);
});
