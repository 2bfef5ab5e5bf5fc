/// <reference lib="dom" />
// The console's discovery page in a real browser with a real gateway: undocumented traffic
// sent through the gateway is counted and listed as the operations answer it, filters live
// in the URL, blocking an endpoint from a row makes the gateway answer 404 within seconds,
// a log uploaded through the import dialog adds its endpoints, body sampling turned on in
// its dialog flags a response holding a card number; an axe check and screenshots, light
// and dark, desktop and 390 px.
import { fileURLToPath } from 'node:url';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { hashPassword } from '@tollgate/domain';
import { CLI_PRINCIPAL, getDiscoverySummary, listBodySampling, listDiscoveredEndpoints, listDiscoveryPage, runOperation } from '@tollgate/operations';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../apps/gateway/src/start-gateway';
import { rawRequest } from '../../apps/gateway/src/testing/raw-request';
import { startTestGateway } from '../../apps/gateway/src/testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../../apps/gateway/src/testing/test-upstream';
import type { RunningPortal } from '../support/portal';
import { type ConsoleSession, openConsoleSession, openDialog, seriousViolations, shot } from './console-page';
import { problemsInEveryLook } from './every-look';
import { chromiumAvailable } from './launch-chromium';

const ADMIN = { email: 'dora@example.com', password: 'console discovery password 1' };
const DESKTOP = { width: 1280, height: 900 };
/** The gateway follows a change within a second; a busy machine gets more before it counts as a failure. */
const GATEWAY_FOLLOWS = { timeout: 10_000, interval: 100 };
const KINDS = [
  ['Shadow', 'shadow'],
  ['Zombie', 'zombie'],
  ['Undocumented method', 'undocumented-method'],
  ['Orphan', 'orphan'],
] as const;

const t = useTestDatabase();

async function seed(upstreamUrl: string): Promise<void> {
  await t.db.user.create({ data: { email: ADMIN.email, name: 'Dora Admin', role: 'admin', passwordHash: await hashPassword(ADMIN.password) } });
  const config = ZConfigFile.parse({
    apis: [
      {
        slug: 'shop',
        name: 'Shop',
        basePath: '/shop',
        status: 'published',
        openapi: { openapi: '3.1.0', info: { title: 'Shop', version: '1.0.0' }, paths: { '/orders/{orderId}': { get: { responses: { 200: { description: 'ok' } } } } } },
        upstream: { targets: [{ url: upstreamUrl }] },
        routes: [
          { path: '/orders/{orderId}', methods: ['GET'], auth: 'none' },
          { path: '/*', methods: ['GET', 'POST', 'DELETE'], auth: 'none' },
        ],
      },
      { slug: 'legacy', name: 'Legacy', basePath: '/legacy', status: 'deprecated', upstream: { targets: [{ url: upstreamUrl }] }, routes: [{ path: '/items/{id}', methods: ['GET'], auth: 'none' }] },
    ],
  });
  await applyConfig(t.db, config, { baseDir: process.cwd() });
}

/** Undocumented traffic through the gateway, until the flush has stored every endpoint. */
async function sendTraffic(gatewayUrl: string): Promise<void> {
  for (const id of ['123', '456', '789', '3fa85f64-5717-4562-b3fc-2c963f66afa6']) expect((await rawRequest(gatewayUrl, `/shop/users/${id}`)).status).toBe(200);
  await rawRequest(gatewayUrl, '/shop/internal/debug');
  await rawRequest(gatewayUrl, '/shop/internal/debug', { headers: { authorization: 'Bearer something' } });
  await rawRequest(gatewayUrl, '/shop/orders/5', { method: 'DELETE' });
  await rawRequest(gatewayUrl, '/legacy/items/9');
  await rawRequest(gatewayUrl, '/legacy/items/10');
  const deadline = Date.now() + 15_000;
  while ((await runOperation(t.db, CLI_PRINCIPAL, listDiscoveredEndpoints, {})).length < 4) {
    if (Date.now() > deadline) throw new Error('the gateway did not flush its discoveries within 15 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const NGINX_LOG = fileURLToPath(new URL('../../packages/operations/src/discovery/import/fixtures/nginx-access.log', import.meta.url));
const shopSampling = async () => (await runOperation(t.db, CLI_PRINCIPAL, listBodySampling, {})).find((api) => api.api === 'shop')?.rate;

const rowTexts = (page: Page) => page.getByRole('table').locator('tbody tr').allInnerTexts();
const statValue = async (page: Page, label: string) => Number(await page.locator(`[data-stat="${label}"]`).innerText());

describe.skipIf(!chromiumAvailable())('the console discovery page in a browser', () => {
  let upstream: TestUpstream;
  let gateway: RunningGateway;
  let portal: RunningPortal;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  let session: ConsoleSession | undefined;

  beforeAll(async () => {
    upstream = await startTestUpstream();
    await seed(upstream.url);
    gateway = await startTestGateway(t.url, { GATEWAY_USAGE_FLUSH_MS: 100 });
    await sendTraffic(gateway.url);
    session = await openConsoleSession(t.url, ADMIN, { viewport: DESKTOP });
    ({ portal, browser, desktop, page } = session);
  }, 600_000);

  afterAll(async () => {
    await session?.close();
    await gateway?.close();
    await upstream?.close();
  });

  it('is in the navigation and shows the counts per kind and the rows the operations answer', async () => {
    await page.getByRole('link', { name: 'Discovery' }).first().click();
    await page.waitForURL(`${portal.url}/admin/discovery`);
    await page.getByRole('heading', { level: 1, name: 'Discovery' }).waitFor();
    const summary = await runOperation(t.db, CLI_PRINCIPAL, getDiscoverySummary, {});
    expect(summary.counts).toEqual({ shadow: 2, zombie: 1, 'undocumented-method': 1, orphan: 0 });
    for (const [label, kind] of KINDS) expect(await statValue(page, label), label).toBe(summary.counts[kind]);
    const expected = await runOperation(t.db, CLI_PRINCIPAL, listDiscoveryPage, { limit: 50 });
    const rows = await rowTexts(page);
    expect(rows).toHaveLength(expected.items.length);
    expected.items.forEach((endpoint, index) => {
      expect(rows[index]).toContain(endpoint.method);
      expect(rows[index]).toContain(endpoint.path);
      expect(rows[index]).toContain(endpoint.hits.toLocaleString('en'));
    });
    expect(rows[0]).toMatch(/GET\s+\/shop\/users\/\{id\}/);
    expect(rows.find((row) => row.includes('/shop/internal/debug'))).toContain('unauthenticated');
    expect(rows.find((row) => row.includes('/legacy/items/{id}'))).toContain('Zombie');
    expect(await page.getByRole('img', { name: /Endpoints first seen per day over the last 30 days: 4 in all/ }).isVisible()).toBe(true);
  });

  it('keeps its filters in the URL: kind, method and search', async () => {
    await page.goto(`${portal.url}/admin/discovery?kind=shadow`);
    await expect.poll(() => rowTexts(page), { timeout: 15_000 }).toHaveLength(2);
    for (const row of await rowTexts(page)) expect(row).toContain('Shadow');
    await page.goto(`${portal.url}/admin/discovery?method=DELETE`);
    await expect.poll(async () => (await rowTexts(page)).join('\n'), { timeout: 15_000 }).toMatch(/^DELETE\s+\/shop\/orders\/\{orderId\}/);
    expect(await rowTexts(page)).toHaveLength(1);
    await page.goto(`${portal.url}/admin/discovery`);
    // Typing before hydration is lost on a busy machine: type again until the search reaches the URL.
    const search = page.getByLabel('Search templates');
    for (let attempt = 0; attempt < 40 && !page.url().includes('q=internal'); attempt += 1) {
      await search.fill('');
      await search.fill('internal');
      await page.waitForURL(/q=internal/, { timeout: 750 }).catch(() => undefined);
    }
    expect(new URL(page.url()).searchParams.get('q')).toBe('internal');
    await expect.poll(() => rowTexts(page), { timeout: 15_000 }).toHaveLength(1);
    expect((await rowTexts(page))[0]).toContain('/shop/internal/debug');
    await page.goto(`${portal.url}/admin/discovery?status=gone`);
    await page.getByText('These filters cannot be read').waitFor();
  });

  it('blocks an endpoint from its row, after asking, and the gateway answers 404 within seconds', { timeout: 120_000 }, async () => {
    expect((await rawRequest(gateway.url, '/shop/internal/debug')).status).toBe(200);
    await page.goto(`${portal.url}/admin/discovery`);
    const menuItem = page.getByRole('menuitem', { name: 'Block…' });
    for (let attempt = 0; attempt < 40 && !(await menuItem.isVisible()); attempt += 1) {
      await page.getByRole('button', { name: 'Actions for GET /shop/internal/debug' }).click();
      await menuItem.waitFor({ timeout: 500 }).catch(() => undefined);
    }
    await menuItem.click();
    const dialog = page.getByRole('dialog', { name: 'Block GET /shop/internal/debug?' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: /404 Not Found/ }).click();
    await shot(page, 'console-discovery-block-dialog-light-desktop');
    await dialog.getByRole('button', { name: 'Block' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
    await expect.poll(async () => (await rawRequest(gateway.url, '/shop/internal/debug')).status, GATEWAY_FOLLOWS).toBe(404);
    const answer = await rawRequest(gateway.url, '/shop/internal/debug');
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect((await rawRequest(gateway.url, '/shop/internal/other')).status).toBe(200);
    await expect.poll(async () => (await rowTexts(page)).find((row) => row.includes('/shop/internal/debug')) ?? '', { timeout: 15_000 }).toContain('blocked 404');
    const stored = (await runOperation(t.db, CLI_PRINCIPAL, listDiscoveredEndpoints, {})).find((endpoint) => endpoint.path === '/shop/internal/debug');
    expect(stored?.blocked).toBe(404);
  });

  it('imports an nginx log through the upload dialog: a refused file is named on its field, then a summary and the new rows', { timeout: 120_000 }, async () => {
    await page.goto(`${portal.url}/admin/discovery`);
    const dialog = await openDialog(page, 'Import a log', 'Import a log');
    const file = dialog.getByLabel('Log or HAR file');
    await file.setInputFiles(fileURLToPath(import.meta.url));
    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog.getByText(/is not a known access log/).waitFor({ timeout: 30_000 });
    expect(await file.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await file.setInputFiles(NGINX_LOG);
    await dialog.getByRole('button', { name: 'Import' }).click();
    const summary = dialog.getByRole('region', { name: 'Import summary' });
    await summary.waitFor({ timeout: 60_000 });
    const text = await summary.innerText();
    expect(text).toMatch(/Lines read\s+8/);
    expect(text).toMatch(/Endpoints found\s+6/);
    expect(text).toMatch(/Lines skipped\s+1/);
    expect(text).toContain('nginx-access.log is imported');
    await shot(page, 'console-discovery-import-summary-light-desktop');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await rowTexts(page)).find((row) => row.includes('/shop/admin/export/{date}')) ?? '', { timeout: 15_000 }).toContain('from a log');
    const stored = (await runOperation(t.db, CLI_PRINCIPAL, listDiscoveredEndpoints, {})).find((endpoint) => endpoint.path === '/shop/admin/export/{date}');
    expect(stored).toMatchObject({ kind: 'shadow', hits: 2, sources: ['import'] });
  });

  it('turns body sampling on for an API in its dialog; a response holding a card number is flagged in the table', { timeout: 120_000 }, async () => {
    await page.goto(`${portal.url}/admin/discovery`);
    const dialog = await openDialog(page, 'Body sampling', 'Body sampling');
    await dialog.getByRole('switch', { name: 'Sample response bodies of Shop' }).click();
    await expect.poll(shopSampling, { timeout: 15_000 }).toBe(100);
    const rate = dialog.getByLabel('Sample 1 in');
    await rate.fill('0');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Give a whole number from 1').waitFor();
    expect(await rate.getAttribute('aria-invalid')).toBe('true');
    await rate.fill('1');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(shopSampling, { timeout: 15_000 }).toBe(1);
    await dialog.getByText('every response sampled').waitFor();
    // The toast slides in at partial opacity: axe looks once every transition is over.
    await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'console-discovery-body-sampling-light-desktop');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // The test upstream echoes the request as JSON: a card number sent in a header comes back in the body.
    await expect
      .poll(async () => {
        await rawRequest(gateway.url, '/shop/payments/1', { headers: { 'x-card': '4242 4242 4242 4242' } });
        return (await runOperation(t.db, CLI_PRINCIPAL, listDiscoveredEndpoints, {})).find((endpoint) => endpoint.path === '/shop/payments/{id}')?.sensitiveData ?? [];
      }, GATEWAY_FOLLOWS)
      .toEqual(['card']);
    await page.reload();
    await expect.poll(async () => (await rowTexts(page)).find((row) => row.includes('/shop/payments/{id}')) ?? '', { timeout: 15_000 }).toContain('sensitive data: card');
  });

  it('has no serious accessibility violations and fits a phone; screenshots light and dark, desktop and 390 px', { timeout: 180_000 }, async () => {
    const state = await desktop.storageState();
    const found = await problemsInEveryLook(browser, { desktop: DESKTOP, storageState: state }, async ({ page: view, check, shot }) => {
      await view.goto(`${portal.url}/admin/discovery`);
      await view.getByRole('heading', { level: 1, name: 'Discovery', exact: true }).waitFor();
      await view.getByRole('table').waitFor();
      // The filters show their value once hydrated: the screenshot shows the page as people see it.
      await view.getByRole('combobox', { name: 'Kind' }).filter({ hasText: 'Kind: all' }).waitFor();
      await check('discovery');
      await shot('console-discovery');
      for (const name of ['Import a log', 'Body sampling']) {
        const dialog = await openDialog(view, name, name);
        await view.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
        await check(`${name} dialog`);
        await shot(`console-discovery-${name.toLowerCase().replaceAll(' ', '-')}-dialog`);
        await view.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
      }
    });
    expect(found).toEqual([]);
  });
});
