/// <reference lib="dom" />
// The console's shell in a real browser: navigation to every area, the overview, audit log,
// gateways and API reference pages, dark mode, the phone menu, and an axe check of each page.
import { recordGatewayHeartbeat } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { hashPassword } from '@tollgate/domain';
import { CLI_PRINCIPAL, createAdminToken, createApi, createPlan, runOperation, updateApi, type Principal } from '@tollgate/operations';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPortal } from '../support/portal';
import { type ConsoleSession, openConsoleSession, shot } from './console-page';
import { PHONE, problemsInEveryLook } from './every-look';
import { chromiumAvailable } from './launch-chromium';

const ADMIN = { email: 'grace@example.com', password: 'console shell password 1' };
const DESKTOP = { width: 1280, height: 860 };

/** Every console area and where its link leads. */
const AREAS: [label: string, href: string][] = [
  ['Overview', '/admin'],
  ['APIs', '/admin/apis'],
  ['Plans', '/admin/plans'],
  ['Teams', '/admin/teams'],
  ['Subscriptions', '/admin/subscriptions'],
  ['Keys', '/admin/keys'],
  ['JWT issuers', '/admin/jwt-issuers'],
  ['Webhooks', '/admin/webhooks'],
  ['Audit log', '/admin/audit-log'],
  ['Gateways', '/admin/gateways'],
  ['Admin users', '/admin/admin-users'],
  ['Admin tokens', '/admin/admin-tokens'],
  ['Admin API', '/admin/api-reference'],
];

/** The pages this suite owns: the nav label, the path and the page's heading. */
const PAGES = [
  { label: 'Overview', path: '/admin', heading: 'Overview', name: 'overview' },
  { label: 'Audit log', path: '/admin/audit-log', heading: 'Audit log', name: 'audit-log' },
  { label: 'Gateways', path: '/admin/gateways', heading: 'Gateways', name: 'gateways' },
  { label: 'Admin API', path: '/admin/api-reference', heading: 'Admin API', name: 'api-reference' },
] as const;

const t = useTestDatabase();
const TARGETS = [
  { api: 'weather', url: 'http://10.0.0.5:4010', healthy: true, ejectedUntil: null, inFlight: 2, breaker: 'closed' },
  { api: 'weather', url: 'http://10.0.0.6:4010', healthy: false, ejectedUntil: new Date(Date.now() + 3_600_000).toISOString(), inFlight: 0, breaker: 'open' },
];
let weatherId = '';

/** gw-a keeps up: a heartbeat with the current revision, as a running gateway sends every few seconds. */
async function beat(): Promise<void> {
  const current = await recordGatewayHeartbeat(t.db, { id: 'gw-a', hostname: 'gw-a.internal', version: '0.1.0', configRevision: 0 });
  await recordGatewayHeartbeat(t.db, { id: 'gw-a', hostname: 'gw-a.internal', version: '0.1.0', configRevision: current, status: { targets: TARGETS } });
}

async function seed(): Promise<void> {
  const admin = await t.db.user.create({ data: { email: ADMIN.email, name: 'Grace Admin', role: 'admin', passwordHash: await hashPassword(ADMIN.password) } });
  const grace: Principal = { kind: 'user', id: admin.id, label: admin.email, role: 'admin' };
  const meta = (n: number) => ({ ip: '203.0.113.7', requestId: `req-seed-${n}` });
  await runOperation(t.db, grace, createApi, { slug: 'weather', name: 'Weather', basePath: '/weather' }, meta(1));
  await runOperation(t.db, grace, updateApi, { apiSlug: 'weather', status: 'published' }, meta(2));
  await runOperation(t.db, grace, createApi, { slug: 'payments', name: 'Payments', basePath: '/payments' }, meta(3));
  await runOperation(t.db, grace, createPlan, { slug: 'free', name: 'Free', apis: ['weather'] }, meta(4));
  await runOperation(t.db, CLI_PRINCIPAL, createAdminToken, { name: 'ci deploy', role: 'viewer' });
  // Teams, apps and subscriptions are set up directly: this suite reads them, it does not test their writes.
  const weather = await t.db.api.findUniqueOrThrow({ where: { slug: 'weather' } });
  const plan = await t.db.plan.findUniqueOrThrow({ where: { slug: 'free' } });
  const team = await t.db.team.create({ data: { slug: 'acme', name: 'Acme' } });
  const app = await t.db.app.create({ data: { slug: 'acme-app', name: 'Acme App', teamId: team.id } });
  await t.db.subscription.create({ data: { appId: app.id, apiId: weather.id, planId: plan.id, status: 'pending' } });

  weatherId = weather.id;
  await beat();
  await recordGatewayHeartbeat(t.db, { id: 'gw-b', hostname: 'gw-b.internal', version: '0.1.0', configRevision: 1, status: { targets: [] } });
  // gw-b stopped beating five minutes ago: far past the lag bound.
  await t.db.gatewayInstance.update({ where: { id: 'gw-b' }, data: { startedAt: new Date(Date.now() - 60 * 60_000), lastSeenAt: new Date(Date.now() - 5 * 60_000) } });
}

describe.skipIf(!chromiumAvailable())('the console shell in a browser', { timeout: 60_000 }, () => {
  let portal: RunningPortal;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;

  let session: ConsoleSession | undefined;

  beforeAll(async () => {
    await seed();
    session = await openConsoleSession(t.url, ADMIN, { viewport: DESKTOP, defaultTimeoutMs: 20_000 });
    ({ portal, browser, desktop, page } = session);
  }, 600_000);

  afterAll(() => session?.close());

  it('links every console area from the navigation and marks the current one', async () => {
    const nav = page.getByRole('navigation', { name: 'Admin console' });
    for (const [label, href] of AREAS) {
      expect(await nav.getByRole('link', { name: label, exact: true }).getAttribute('href'), label).toBe(href);
    }
    for (const target of PAGES) {
      await nav.getByRole('link', { name: target.label, exact: true }).click();
      await page.waitForURL(`${portal.url}${target.path}`);
      await page.getByRole('heading', { level: 1, name: target.heading, exact: true }).waitFor();
      expect(await nav.getByRole('link', { name: target.label, exact: true }).getAttribute('aria-current')).toBe('page');
      expect(await nav.locator('[aria-current="page"]').count()).toBe(1);
    }
  }, 120_000);

  it('offers a skip link first and shows who is signed in', async () => {
    await page.goto(`${portal.url}/admin`);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#content');
    await expect(page.getByRole('banner').getByText(ADMIN.email).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true);
  });

  it('sums up the platform on the overview', async () => {
    await beat();
    await page.goto(`${portal.url}/admin`);
    const stat = (label: string) => page.locator(`[data-stat="${label}"]`).textContent();
    expect(await stat('APIs')).toBe('2');
    expect(await stat('Plans')).toBe('1');
    expect(await stat('Pending subscriptions')).toBe('1');
    expect(await page.getByRole('link', { name: /Pending subscriptions/ }).getAttribute('href')).toBe('/admin/subscriptions?status=pending');
    await page.getByText('1 of 2 gateways lag behind').waitFor();
    const recent = page.getByRole('region', { name: 'Recent changes' });
    await recent.getByText('admin_tokens.create').waitFor();
    await recent.getByText('apis.update').waitFor();
  });

  it('filters the audit log through the URL and opens an entry to its before and after', async () => {
    await page.goto(`${portal.url}/admin/audit-log`);
    const rows = page.getByRole('region', { name: 'Audit log entries, newest first' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(5);
    await page.getByRole('combobox', { name: 'Actor' }).click();
    await page.getByRole('option', { name: 'cli' }).click();
    await page.waitForURL(/actor=cli/);
    await expect.poll(() => rows.count()).toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('admin_tokens.create');

    await page.goto(`${portal.url}/admin/audit-log?resourceType=api&resourceId=${weatherId}`);
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByRole('button', { name: /^Details of apis\.update / }).click();
    const dialog = page.getByRole('dialog', { name: 'apis.update' });
    await dialog.waitFor();
    const statusRow = dialog.getByRole('row', { name: /^status/ });
    await expect(statusRow.textContent()).resolves.toMatch(/draft.*published/);
    await expect(dialog.getByText('203.0.113.7').isVisible()).resolves.toBe(true);
    await expect(dialog.getByText('req-seed-2').isVisible()).resolves.toBe(true);
    await shot(page, 'console-audit-entry-light-desktop');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.goto(`${portal.url}/admin/audit-log?from=2000-01-01T00:00:00.000Z&to=2000-01-02T00:00:00.000Z`);
    await page.getByText('No entry matches these filters.').waitFor();
    await page.goto(`${portal.url}/admin/audit-log?from=yesterday`);
    await page.getByText('These filters cannot be read').waitFor();
  });

  it('warns about the lagging gateway and shows live target health', async () => {
    await beat();
    await page.goto(`${portal.url}/admin/gateways`);
    const alert = page.getByRole('alert').filter({ hasText: /behind the config/ });
    await expect(alert.textContent()).resolves.toContain('gw-b.internal');
    await expect(alert.textContent()).resolves.not.toContain('gw-a.internal');
    const laggard = page.getByRole('region', { name: 'Gateway gw-b.internal' });
    await laggard.getByText('No recent heartbeat').waitFor();
    const targets = page.getByRole('region', { name: 'Targets of gw-a.internal' });
    await expect(targets.getByRole('row').count()).resolves.toBe(3);
    await expect(targets.getByRole('row', { name: /10\.0\.0\.6/ }).textContent()).resolves.toMatch(/unhealthy.*open/);
    await expect(targets.getByRole('row', { name: /10\.0\.0\.5/ }).textContent()).resolves.toMatch(/healthy.*2.*closed/);
  });

  it('renders the admin API reference from the OpenAPI document, without other origins', async () => {
    const origins = new Set<string>();
    page.on('request', (request) => origins.add(new URL(request.url()).origin));
    await page.goto(`${portal.url}/admin/api-reference`);
    await page.getByRole('heading', { level: 2, name: 'APIs', exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Audit log', exact: true }).waitFor();
    const operation = page.locator('details#listAuditLog');
    await operation.locator('summary').click();
    await expect(operation.getByText('resourceType', { exact: true }).first().isVisible()).resolves.toBe(true);
    await expect(operation.getByText('next_cursor', { exact: true }).first().isVisible()).resolves.toBe(true);
    page.removeAllListeners('request');
    expect([...origins]).toEqual([portal.url]);
  });

  it('switches to dark mode and keeps it', async () => {
    await page.goto(`${portal.url}/admin`);
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    await page.reload();
    await page.getByRole('button', { name: 'Switch to light theme' }).waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(2, 6, 23)');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
  });

  it('opens the navigation from the menu button at a phone width', async () => {
    const phone = await browser.newContext({ viewport: PHONE, storageState: await desktop.storageState() });
    const small = await phone.newPage();
    await small.goto(`${portal.url}/admin`);
    await expect(small.getByRole('navigation', { name: 'Admin console' }).isVisible()).resolves.toBe(false);
    await small.getByRole('button', { name: 'Open navigation' }).click();
    const sheet = small.getByRole('dialog', { name: 'Tollgate console' });
    await sheet.getByRole('link', { name: 'Gateways', exact: true }).click();
    await small.waitForURL(`${portal.url}/admin/gateways`);
    await sheet.waitFor({ state: 'hidden' });
    await small.getByRole('heading', { level: 1, name: 'Gateways' }).waitFor();
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await small.getByRole('button', { name: 'Open navigation' }).click();
    await sheet.waitFor();
    await shot(small, 'console-phone-menu');
    await phone.close();
  });

  it('has no serious accessibility violations and saves screenshots, light and dark, desktop and phone', async () => {
    const found = await problemsInEveryLook(browser, { desktop: DESKTOP, storageState: await desktop.storageState() }, async ({ page: view, size, check, shot }) => {
      for (const target of PAGES) {
        await beat();
        await view.goto(`${portal.url}${target.path}`);
        await view.getByRole('heading', { level: 1, name: target.heading, exact: true }).waitFor();
        // Every page at the phone's width is checked by the test above; axe once per theme keeps this one short.
        if (size === 'desktop') await check(target.name);
        await shot(`console-${target.name}`);
      }
    });
    expect(found).toEqual([]);
  }, 180_000);
});
