// The console's APIs and plans in a real browser: an admin imports an OpenAPI file, publishes the
// API, creates a plan covering it; axe finds no serious or critical violation on the pages, and
// screenshots (light and dark, desktop and phone) land in test-results/browser/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { hashPassword } from '@tollgate/domain';
import { useTestDatabase } from '@tollgate/db/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../support/portal';
import {  } from './console-page';
import { problemsInEveryLook } from './every-look';
import { chromiumAvailable, launchChromium } from './launch-chromium';

const ADMIN = { email: 'ops@example.com', password: 'console password 42' };
const ROOT = path.resolve(import.meta.dirname, '../..');
const SCREENSHOTS = path.join(ROOT, 'test-results/browser');
const OPENAPI = path.join(ROOT, 'apps/demo-upstream/openapi.yaml');

const t = useTestDatabase();

describe.skipIf(!chromiumAvailable())('console: APIs and plans in a browser', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    await t.db.user.create({ data: { email: ADMIN.email, name: 'Ops Admin', role: 'admin', passwordHash: await hashPassword(ADMIN.password) } });
    portal = await startPortal({ databaseUrl: t.url });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto(`${portal.url}/signin?callbackUrl=%2Fadmin%2Fapis`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${portal.url}/admin/apis`);
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await portal?.stop();
  });

  it('shows the empty APIs list, then imports an OpenAPI file into an API with its routes', async () => {
    await page.getByRole('heading', { name: 'APIs', exact: true }).waitFor();
    await page.getByText('No APIs yet').waitFor();
    await page.getByRole('button', { name: 'Import OpenAPI' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Import OpenAPI' });
    await dialog.getByLabel('OpenAPI file').setInputFiles(OPENAPI);
    await expect.poll(() => dialog.getByLabel('OpenAPI document (YAML or JSON)').inputValue()).toContain('openapi: 3.1.0');
    await dialog.getByLabel('Slug').fill('demo');
    await dialog.getByLabel('Base path').fill('/demo');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(`${portal.url}/admin/apis/demo`, { timeout: 30_000 });
    await page.getByRole('heading', { name: 'Tollgate Demo API' }).waitFor();
    const routes = page.getByRole('table', { name: 'Routes of demo' });
    await routes.getByText('/weather/forecast/{city}').waitFor();
    expect(await routes.locator('tbody tr').count()).toBe(await t.db.route.count());
    expect(await page.getByLabel('Target 1 URL').inputValue()).toBe('http://127.0.0.1:4010');
  });

  it('refuses a document with an unclosed path parameter, naming the path', async () => {
    await page.goto(`${portal.url}/admin/apis`);
    await page.getByRole('button', { name: 'Import OpenAPI' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import OpenAPI' });
    await dialog.getByLabel('OpenAPI document (YAML or JSON)').fill('openapi: 3.0.3\ninfo: { title: Broken, version: "1" }\npaths:\n  /a/{id:\n    get: {}\n');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByText('document.paths["/a/{id"]: has a path parameter that is not closed').waitFor();
    await page.keyboard.press('Escape');
    expect(await t.db.api.count({ where: { slug: 'broken' } })).toBe(0);
  });

  it('publishes the API and lists it among the published', async () => {
    await page.goto(`${portal.url}/admin/apis/demo`);
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('button', { name: 'Deprecate' }).waitFor();
    expect((await t.db.api.findUniqueOrThrow({ where: { slug: 'demo' } })).status).toBe('published');
    await page.goto(`${portal.url}/admin/apis?status=published`);
    await page.getByRole('link', { name: 'Tollgate Demo API' }).waitFor();
    await page.getByRole('table', { name: 'APIs' }).getByText('published', { exact: true }).waitFor();
  });

  it('creates a plan covering the API', async () => {
    await page.goto(`${portal.url}/admin/plans`);
    await page.getByText('No plans yet').waitFor();
    await page.getByRole('button', { name: 'New plan' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New plan' });
    await dialog.getByLabel('Name').fill('Starter');
    await dialog.getByLabel('Slug').fill('starter');
    await dialog.getByRole('checkbox', { name: 'demo' }).click();
    await dialog.getByLabel('Rate limit (requests)').fill('600');
    await dialog.getByLabel('Quota (requests)').fill('100000');
    await dialog.getByLabel('Price per month (cents)').fill('1900');
    await dialog.getByRole('switch', { name: 'Subscriptions need approval' }).click();
    await dialog.getByRole('button', { name: 'Create plan' }).click();
    const table = page.getByRole('table', { name: 'Plans' });
    await table.getByText('Starter', { exact: true }).waitFor();
    await table.getByText('600 / minute').waitFor();
    await table.getByText('$19.00').waitFor();
    const plan = await t.db.plan.findUniqueOrThrow({ where: { slug: 'starter' }, include: { apis: { include: { api: true } } } });
    expect(plan).toMatchObject({ rateLimitRequests: 600, quotaRequests: 100000, monthlyPriceCents: 1900, approvalRequired: true });
    expect(plan.apis.map((entry) => entry.api.slug)).toEqual(['demo']);
  });

  it('finds the import, the publication and the new plan in the audit log, by the signed-in admin', async () => {
    await page.goto(`${portal.url}/admin/audit-log`);
    const entries = page.getByRole('region', { name: 'Audit log entries, newest first' });
    for (const action of ['plans.create', 'apis.update', 'apis.import']) await entries.getByText(action, { exact: true }).first().waitFor();
    const rows = await entries.locator('tbody tr').allTextContents();
    expect(rows.slice(0, 3).map((row) => row.match(/plans\.create|apis\.(update|import)/)?.[0])).toEqual(['plans.create', 'apis.update', 'apis.import']);
    expect(rows.slice(0, 3).every((row) => row.includes(ADMIN.email))).toBe(true);
  });

  it('has no serious accessibility violations and is screenshot light and dark, desktop and phone', async () => {
    const pages = { 'console-apis': '/admin/apis', 'console-api-detail': '/admin/apis/demo', 'console-plans': '/admin/plans' };
    const found = await problemsInEveryLook(browser, { desktop: { width: 1280, height: 900 }, storageState: await context.storageState() }, async ({ page: view, check, shot }) => {
      for (const [name, url] of Object.entries(pages)) {
        await view.goto(`${portal.url}${url}`);
        await view.getByRole('heading', { level: 1 }).first().waitFor();
        await check(name);
        await shot(name);
      }
    });
    expect(found).toEqual([]);
  }, 300_000);
});
