/// <reference lib="dom" />
// The console's request log in a real browser: requests stored through the gateway's ingest
// path, filtered by status class and app, one opened in its details dialog, the CSV of the
// filter downloaded, and the live view picking up a request stored after the page loaded;
// an axe check and screenshots, light and dark, desktop and 390 px.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { useTestDatabase } from '@tollgate/db/testing';
import { hashPassword } from '@tollgate/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushUsageEvents, type UsageEventInput } from '../support/flush-usage-events';
import type { RunningPortal } from '../support/portal';
import { type ConsoleSession, openConsoleSession, shot, clickUntil } from './console-page';
import { problemsInEveryLook } from './every-look';
import { chromiumAvailable } from './launch-chromium';

const ADMIN = { email: 'ria@example.com', password: 'console request log password 1' };
const DESKTOP = { width: 1280, height: 900 };

const t = useTestDatabase();
type Seeded = UsageEventInput & { app: string | null };
const seeded: Seeded[] = [];
let ids: Record<string, string> = {};

function event(app: 'acme' | 'globex' | null, minutesAgo: number, status: number, city: string, extra: Partial<UsageEventInput> = {}): Seeded {
  return {
    app: app && `${app}-app`,
    id: `req-${city}-${randomUUID().slice(0, 8)}`,
    time: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    gatewayId: 'gw-eu-1',
    apiId: ids.api,
    routeKey: 'GET /forecast/{city}',
    ...(app ? { appId: ids[`${app}-app`], keyId: ids[`${app}-key`], subscriptionId: ids[`${app}-sub`], planId: ids.plan } : {}),
    method: 'GET',
    path: `/weather/forecast/${city}`,
    status,
    latencyMs: 10 + minutesAgo,
    bytesIn: 0,
    bytesOut: status < 300 ? 512 : 90,
    units: app && status < 500 && status !== 429 ? 1 : 0,
    clientIp: '203.0.113.7',
    ...extra,
  };
}

async function seed(): Promise<void> {
  await t.db.user.create({ data: { email: ADMIN.email, name: 'Ria Admin', role: 'admin', passwordHash: await hashPassword(ADMIN.password) } });
  const api = await t.db.api.create({ data: { slug: 'weather', name: 'Weather', basePath: '/weather', status: 'published' } });
  const plan = await t.db.plan.create({ data: { slug: 'free', name: 'Free' } });
  ids = { api: api.id, plan: plan.id };
  for (const team of ['acme', 'globex'] as const) {
    const created = await t.db.team.create({ data: { slug: team, name: team === 'acme' ? 'Acme' : 'Globex' } });
    const app = await t.db.app.create({ data: { slug: `${team}-app`, name: `${created.name} App`, teamId: created.id } });
    ids[`${team}-app`] = app.id;
    ids[`${team}-sub`] = (await t.db.subscription.create({ data: { appId: app.id, apiId: api.id, planId: plan.id, status: 'active' } })).id;
    ids[`${team}-key`] = (await t.db.apiKey.create({ data: { appId: app.id, name: `${team} ci`, prefix: `tg_test_${team}`, hash: `stored-hash-${randomUUID()}` } })).id;
  }
  seeded.push(
    event('acme', 1, 200, 'paris'),
    event('acme', 2, 404, 'atlantis'),
    event('acme', 3, 429, 'lyon'),
    event('acme', 4, 503, 'nice'),
    event('globex', 5, 404, 'gotham'),
    event('globex', 6, 200, 'oslo'),
    event(null, 7, 401, 'unknown-key', { count: 25, clientIp: '198.51.100.9' }),
    event('acme', 40, 200, 'bergen'),
  );
  await flushUsageEvents(t.url, seeded);
}

/** Clicks until `done` holds: a click that lands before hydration does nothing on a busy machine. */
const rowTexts = (page: Page) => page.getByRole('table').locator('tbody tr').allInnerTexts();

describe.skipIf(!chromiumAvailable())('the console request log in a browser', () => {
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

  it('is in the navigation under Analytics and lists the last 24 hours newest first, a folded row with its count', async () => {
    await page.getByRole('link', { name: 'Request log' }).first().click();
    await page.waitForURL(`${portal.url}/admin/request-log`);
    await page.getByRole('heading', { level: 1, name: 'Request log' }).waitFor();
    expect(await page.getByText('Analytics', { exact: true }).first().isVisible()).toBe(true);
    const rows = await rowTexts(page);
    expect(rows.map((row) => /\/weather\/forecast\/([\w-]+)/.exec(row)?.[1])).toEqual(['paris', 'atlantis', 'lyon', 'nice', 'gotham', 'oslo', 'unknown-key', 'bergen']);
    expect(rows[6]).toContain('× 25');
    expect(rows.join('\n')).not.toContain('stored-hash-');
  });

  it('filters by status class and app, with the filters in the URL', async () => {
    const form = page.getByRole('form', { name: 'Filter the request log' });
    await form.getByLabel('Status').fill('4xx');
    await form.getByLabel('App').fill('acme-app');
    await clickUntil(page, () => form.getByRole('button', { name: 'Apply' }).click(), async () => page.url().includes('status=4xx'));
    await page.waitForURL(/status=4xx.*|app=acme-app.*status=4xx/);
    await expect.poll(() => rowTexts(page)).toHaveLength(2);
    const rows = await rowTexts(page);
    expect(rows[0]).toContain('/weather/forecast/atlantis');
    expect(rows[1]).toContain('/weather/forecast/lyon');
    for (const row of rows) expect(row).toContain('acme-app');
    const url = new URL(page.url());
    expect([url.searchParams.get('status'), url.searchParams.get('app')]).toEqual(['4xx', 'acme-app']);
  });

  it('shows a bad filter on its field', async () => {
    const form = page.getByRole('form', { name: 'Filter the request log' });
    await form.getByLabel('Status').fill('4x');
    await form.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => form.getByText('must be a status such as 404 or a class such as 4xx').isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get('status')).toBe('4xx');
    await form.getByLabel('Status').fill('4xx');
  });

  it('opens a row: everything stored, the consumer by name, and plainly no headers', async () => {
    const atlantis = seeded.find((entry) => entry.path === '/weather/forecast/atlantis')!;
    const dialog = page.getByRole('dialog', { name: 'GET /weather/forecast/atlantis' });
    await clickUntil(page, () => page.getByRole('button', { name: /^Details of GET \/weather\/forecast\/atlantis/ }).click(), () => dialog.isVisible());
    await expect.poll(() => dialog.getByText('Acme App').isVisible()).toBe(true);
    const text = await dialog.innerText();
    for (const expected of [atlantis.id, 'tg_test_acme…', 'acme ci', 'Weather', 'GET /forecast/{city}', 'gw-eu-1', '203.0.113.7', 'free', 'Headers and bodies are not recorded']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('stored-hash-');
    await shot(page, 'console-request-log-details-light-desktop');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('downloads the CSV of the current filter', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV of these filters' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^request-log-\d{8}T\d{4}-\d{8}T\d{4}\.csv$/);
    const lines = readFileSync((await download.path())!, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('time,id,method,path,status,outcome,latencyMs,bytesIn,bytesOut,units,count,apiSlug,routeKey,appSlug,keyPrefix,clientIp,gatewayId,upstreamVersion');
    const expected = seeded.filter((entry) => entry.app === 'acme-app' && entry.status >= 400 && entry.status < 500);
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(expected.map((entry) => entry.id));
    expect(lines[1]).toBe(`${expected[0]!.time},${expected[0]!.id},GET,/weather/forecast/atlantis,404,clientError,12,0,90,1,1,weather,GET /forecast/{city},acme-app,tg_test_acme,203.0.113.7,gw-eu-1,`);
    const bad = await page.request.get(`${portal.url}/admin/request-log/export.csv?status=4x`);
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'invalid_params', invalid_params: [{ name: 'status' }] });
    const stranger = await browser.newContext();
    const anonymous = await stranger.request.get(`${portal.url}/admin/request-log/export.csv`, { maxRedirects: 0 });
    expect([anonymous.status(), anonymous.headers().location]).toEqual([307, expect.stringContaining('/signin')]);
    await stranger.close();
  });

  it('goes live: the last 5 minutes, and a request stored afterwards appears without a reload', async () => {
    await page.goto(`${portal.url}/admin/request-log`);
    const live = page.getByRole('switch', { name: 'Live' });
    await clickUntil(page, () => live.click(), async () => page.url().includes('live=1'));
    await expect.poll(() => live.getAttribute('aria-checked')).toBe('true');
    await page.getByText(/^Live: the last 5 minutes/).waitFor();
    // Only the last five minutes: bergen (40 min ago), oslo (6) and the folded row (7) were outside it when stored.
    const shown = (await rowTexts(page)).map((row) => /\/weather\/forecast\/([\w-]+)/.exec(row)?.[1]);
    for (const old of ['bergen', 'oslo', 'unknown-key']) expect(shown).not.toContain(old);
    // A full reload would lose this mark; the live view only asks the server for the page again.
    await page.evaluate(() => Object.assign(window, { requestLogMark: 'kept' }));
    const fresh = event('globex', 0, 201, `live-${randomUUID().slice(0, 8)}`);
    await flushUsageEvents(t.url, [fresh]);
    await page.getByRole('table').getByText(fresh.path!).waitFor({ timeout: 30_000 });
    expect((await rowTexts(page))[0]).toContain(fresh.path!);
    expect(await page.evaluate(() => (window as unknown as { requestLogMark?: string }).requestLogMark)).toBe('kept');
    expect(new URL(page.url()).searchParams.get('live')).toBe('1');
    await shot(page, 'console-request-log-live-light-desktop');

    // A hidden tab asks the server for nothing; shown again, it refreshes at once.
    const refreshes: string[] = [];
    page.on('request', (request) => void (request.headers()['rsc'] && refreshes.push(request.url())));
    const setVisibility = (state: 'hidden' | 'visible') =>
      page.evaluate((value) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await setVisibility('hidden');
    refreshes.length = 0;
    await page.waitForTimeout(11_000);
    expect(refreshes).toEqual([]);
    await setVisibility('visible');
    await expect.poll(() => refreshes.length).toBeGreaterThan(0);
    await clickUntil(page, () => live.click(), async () => !page.url().includes('live=1'));
  }, 90_000);

  it('has no serious accessibility violations and fits a phone; screenshots light and dark, desktop and 390 px', async () => {
    const found = await problemsInEveryLook(browser, { desktop: DESKTOP, storageState: await desktop.storageState() }, async ({ page: view, check, shot }) => {
      await view.goto(`${portal.url}/admin/request-log`);
      await view.getByRole('heading', { level: 1, name: 'Request log', exact: true }).waitFor();
      await view.getByRole('table').waitFor();
      await check('request-log');
      await shot('console-request-log');
      const dialog = view.getByRole('dialog', { name: 'GET /weather/forecast/paris' });
      await clickUntil(view, () => view.getByRole('button', { name: /^Details of GET \/weather\/forecast\/paris/ }).click(), () => dialog.isVisible());
      await expect.poll(() => dialog.getByText('Acme App').isVisible()).toBe(true);
      await check('request-log details');
      await shot('console-request-log-details');
    });
    expect(found).toEqual([]);
  }, 300_000);
});
