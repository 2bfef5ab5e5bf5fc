/// <reference lib="dom" />
// The console's analytics in a real browser: requests stored through the gateway's ingest path,
// the overview's and an API page's figures checked against the analytics operation, every chart
// drawn after each range change (15 m, 24 h, 7 d, 30 d, custom), a bar opening the request log
// filtered to its minute, an axe check and screenshots, light and dark, desktop and 390 px.
import { randomUUID } from 'node:crypto';
import { useTestDatabase } from '@tollgate/db/testing';
import { hashPassword, type UsageOutcome } from '@tollgate/domain';
import { CLI_PRINCIPAL, getAnalytics, runOperation, type AnalyticsReport } from '@tollgate/operations';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushUsageEvents, type UsageEventInput } from '../support/flush-usage-events';
import { type ConsoleSession, openConsoleSession, shot, clickUntil } from './console-page';
import { problemsInEveryLook } from './every-look';
import { chromiumAvailable } from './launch-chromium';

const ADMIN = { email: 'ana@example.com', password: 'console analytics password 1' };
const DESKTOP = { width: 1280, height: 900 };
const MINUTE = 60_000;

const t = useTestDatabase();
const ids: Record<string, string> = {};
const number = new Intl.NumberFormat('en-US');

async function seed(): Promise<void> {
  await t.db.user.create({ data: { email: ADMIN.email, name: 'Ana Admin', role: 'admin', passwordHash: await hashPassword(ADMIN.password) } });
  for (const [slug, name] of [['weather', 'Weather'], ['maps', 'Maps']] as const) ids[slug] = (await t.db.api.create({ data: { slug, name, basePath: `/${slug}`, status: 'published' } })).id;
  ids.plan = (await t.db.plan.create({ data: { slug: 'free', name: 'Free' } })).id;
  for (const team of ['acme', 'globex'] as const) {
    const created = await t.db.team.create({ data: { slug: team, name: team === 'acme' ? 'Acme' : 'Globex' } });
    const app = await t.db.app.create({ data: { slug: `${team}-app`, name: `${created.name} App`, teamId: created.id } });
    ids[`${team}-app`] = app.id;
    ids[`${team}-key`] = (await t.db.apiKey.create({ data: { appId: app.id, name: `${team} ci`, prefix: `tg_test_${team}`, hash: `hash-${randomUUID()}` } })).id;
  }
  const now = Date.now();
  const call = (team: 'acme' | 'globex', msAgo: number, status: number, latencyMs: number, api: 'weather' | 'maps' = 'weather', outcome?: UsageOutcome, upstreamVersion?: string): UsageEventInput => ({
    id: `req-${randomUUID().slice(0, 8)}`,
    time: new Date(now - msAgo).toISOString(),
    apiId: ids[api]!,
    routeKey: api === 'weather' ? 'GET /forecast/{city}' : 'GET /tiles/{z}',
    appId: ids[`${team}-app`]!,
    keyId: ids[`${team}-key`]!,
    planId: ids.plan!,
    method: 'GET',
    path: api === 'weather' ? '/weather/forecast/paris' : '/maps/tiles/3',
    status,
    latencyMs,
    units: status < 400 ? 1 : 0,
    ...(outcome ? { outcome } : {}),
    ...(upstreamVersion ? { upstreamVersion } : {}),
  });
  // One live gateway: the weather target healthy, the maps target ejected.
  const target = (api: string, url: string, healthy: boolean) => ({ api, url, healthy, ejectedUntil: healthy ? null : new Date(now + MINUTE).toISOString(), inFlight: 0, breaker: 'closed' });
  await t.db.gatewayInstance.create({
    data: { id: 'gw-analytics', hostname: 'gw-eu-1', version: 'test', configRevision: 0n, status: { targets: [target('weather', 'http://10.0.0.5:8080', true), target('maps', 'http://10.0.0.9:8080', false)] } },
  });
  await flushUsageEvents(t.url, [
    // Weather's upstream is split into stable and a canary.
    call('acme', 2 * MINUTE, 200, 12, 'weather', undefined, 'stable'),
    call('acme', 2 * MINUTE, 200, 30, 'weather', undefined, 'canary'),
    call('acme', 2 * MINUTE, 404, 8, 'weather', undefined, 'canary'),
    call('acme', 3 * MINUTE, 429, 1, 'weather', 'rateLimited'),
    call('globex', 4 * MINUTE, 429, 1, 'weather', 'overQuota'),
    call('globex', 5 * MINUTE, 503, 1_800, 'maps'),
    call('acme', 6 * MINUTE, 401, 2, 'weather', 'authFailed'),
    call('globex', 9 * MINUTE, 200, 90, 'maps'),
    call('acme', 3 * 60 * MINUTE, 200, 40, 'weather', undefined, 'stable'),
    call('globex', 2 * 24 * 60 * MINUTE, 500, 700, 'weather', undefined, 'canary'),
    call('acme', 20 * 24 * 60 * MINUTE, 200, 25, 'maps'),
  ]);
}

const expected = (input: Record<string, string>): Promise<AnalyticsReport> => runOperation(t.db, CLI_PRINCIPAL, getAnalytics, input);
const figure = (page: Page, label: string) => page.locator(`[data-figure="${label}"]`).innerText();
const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Every chart of the page has an svg with drawn marks inside its region. */
async function chartsDrawn(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() =>
    Object.fromEntries(
      Array.from(document.querySelectorAll<HTMLElement>('[data-chart]')).map((chart) => [chart.dataset.chart!, chart.querySelectorAll('svg .recharts-bar-rectangle path, svg .recharts-line path, svg .recharts-line-curve').length]),
    ),
  );
}

async function expectFigures(page: Page, report: AnalyticsReport): Promise<void> {
  await expect.poll(() => figure(page, 'Requests'), { timeout: 15_000 }).toBe(number.format(report.totals.requests));
  expect(await figure(page, 'Error rate')).toBe(percent(report.totals.errorRate));
  expect(await figure(page, 'Rate limited')).toBe(number.format(report.totals.rateLimited));
  expect(await figure(page, 'Over quota')).toBe(number.format(report.totals.overQuota));
  const p95 = report.totals.latencyMs.p95!;
  expect(await figure(page, 'Latency p95')).toBe(p95 >= 1_000 ? `≤ ${p95 / 1_000} s` : `≤ ${p95} ms`);
}

/** A fresh heartbeat of the seeded gateway: a report older than GATEWAY_LAG_SECONDS is left out as silent, and a busy run can take that long to get here. */
async function beat(): Promise<void> {
  await t.db.gatewayInstance.update({ where: { id: 'gw-analytics' }, data: { lastSeenAt: new Date() } });
}

describe.skipIf(!chromiumAvailable())('the console analytics in a browser', () => {
  let session: ConsoleSession | undefined;
  let page: Page;
  let url: string;

  beforeAll(async () => {
    await seed();
    session = await openConsoleSession(t.url, ADMIN, { viewport: DESKTOP });
    page = session.page;
    url = session.portal.url;
  }, 600_000);

  afterAll(() => session?.close());

  it('shows the overview’s figures as the analytics operation answers them', async () => {
    await beat();
    await page.getByRole('link', { name: 'Usage' }).first().click();
    await page.waitForURL(`${url}/admin/usage`);
    await page.getByRole('heading', { level: 1, name: 'Usage' }).waitFor();
    const report = await expected({ range: '24h' });
    expect([report.totals.requests, report.totals.rateLimited, report.totals.overQuota]).toEqual([9, 1, 1]);
    await expectFigures(page, report);
    const apps = await page.getByRole('region', { name: 'Top apps' }).locator('tbody tr').allInnerTexts();
    expect(apps.map((row) => row.split('\t').slice(0, 3))).toEqual(report.topApps.map((row) => [row.name, row.team, number.format(row.requests)]));
    expect(await chartsDrawn(page)).toEqual({ requests: expect.any(Number), latency: expect.any(Number) });
    const upstreams = page.getByRole('region', { name: 'Upstream health' });
    await upstreams.getByText('1 of 2 targets are healthy on every one of the 1 live gateway.', { exact: false }).waitFor();
    expect(await upstreams.getByRole('list', { name: 'Unhealthy upstream targets' }).getByRole('listitem').allInnerTexts()).toEqual([expect.stringMatching(/^maps\s+http:\/\/10\.0\.0\.9:8080\s+unhealthy on 1 of 1: gw-eu-1$/)]);
  }, 90_000);

  it('keeps every chart drawn as the range changes, custom range included, with the range in the URL', async () => {
    for (const [button, range] of [['Last 15 m', '15m'], ['Last 24 h', '24h'], ['Last 7 d', '7d'], ['Last 30 d', '30d']] as const) {
      const pressed = page.getByRole('button', { name: button, exact: true });
      for (let attempt = 0; attempt < 40 && (await pressed.getAttribute('aria-pressed')) !== 'true'; attempt += 1) {
        await pressed.click();
        await page.waitForTimeout(250);
      }
      await page.waitForURL(new RegExp(`range=${range}`));
      await expectFigures(page, await expected({ range }));
      const drawn = await chartsDrawn(page);
      expect(drawn.requests, range).toBeGreaterThan(0);
      expect(drawn.latency, range).toBeGreaterThan(0);
      await shot(page, `console-analytics-${range}-light-desktop`);
    }
    const from = new Date(Date.now() - 3 * 24 * 60 * MINUTE).toISOString().slice(0, 16);
    const to = new Date(Date.now() + 60 * MINUTE).toISOString().slice(0, 16);
    const form = page.getByRole('form', { name: 'Filter the analytics' });
    await form.getByLabel('From (UTC)').fill(from);
    await form.getByLabel('To (UTC)').fill(to);
    await form.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/from=/);
    expect(new URL(page.url()).searchParams.get('range')).toBeNull();
    await expectFigures(page, await expected({ from: `${from}:00.000Z`, to: `${to}:00.000Z` }));
    expect((await chartsDrawn(page)).requests).toBeGreaterThan(0);
    await page.getByText('Custom', { exact: true }).waitFor();
  }, 90_000);

  it('shows an API’s page with the same figures as the operation for that API', async () => {
    await beat();
    await page.goto(`${url}/admin/usage?range=24h`);
    await clickUntil(page, () => page.getByRole('region', { name: 'Top APIs' }).getByRole('link', { name: 'Weather' }).click({ timeout: 2_000 }).catch(() => undefined), async () => page.url().includes('/admin/usage/apis/weather'));
    await page.waitForURL(/\/admin\/usage\/apis\/weather\?range=24h/);
    await page.getByRole('heading', { level: 1, name: 'Usage · Weather' }).waitFor();
    await expectFigures(page, await expected({ range: '24h', api: 'weather' }));
    expect((await chartsDrawn(page)).latency).toBeGreaterThan(0);
    await page.getByRole('region', { name: 'Upstream health' }).getByText('1 of 1 target is healthy', { exact: false }).waitFor();
    await shot(page, 'console-analytics-api-light-desktop');
  }, 90_000);

  it('narrows every figure to one upstream version, sets the versions side by side, and opens that version’s requests', async () => {
    await page.goto(`${url}/admin/usage?range=24h`);
    const versions = page.getByRole('region', { name: 'Upstream versions' });
    const all = await expected({ range: '24h' });
    await expect.poll(async () => (await versions.locator('tbody tr').allInnerTexts()).map((row) => row.split('\t').slice(0, 4)), { timeout: 15_000 }).toEqual(
      all.topUpstreamVersions.map((row) => [row.api, row.upstreamVersion, number.format(row.requests), percent(row.errorRate)]),
    );
    const form = page.getByRole('form', { name: 'Filter the analytics' });
    await form.getByLabel('Upstream version').fill('canary');
    await form.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/upstreamVersion=canary/);
    const canary = await expected({ range: '24h', upstreamVersion: 'canary' });
    expect([canary.totals.requests, all.totals.requests]).toEqual([2, 9]);
    await expectFigures(page, canary);
    await shot(page, 'console-analytics-version-light-desktop');
    await page.getByRole('link', { name: 'Open these requests in the request log' }).click();
    await page.waitForURL(/\/admin\/request-log\?.*upstreamVersion=canary/);
    expect(await page.getByRole('form', { name: 'Filter the request log' }).getByLabel('Upstream version').inputValue()).toBe('canary');
    await expect.poll(() => page.getByRole('table').locator('tbody tr').count(), { timeout: 15_000 }).toBe(2);
    await shot(page, 'console-request-log-version-light-desktop');
  }, 90_000);

  it('opens the request log filtered to a bar’s minute', async () => {
    await page.goto(`${url}/admin/usage/apis/weather?range=15m`);
    await page.locator('[data-chart="requests"] .recharts-bar-rectangle path').first().waitFor();
    const report = await expected({ range: '15m', api: 'weather' });
    const busiest = report.series.reduce((best, point) => (point.requests > best.requests ? point : best));
    const index = report.series.indexOf(busiest);
    await page.locator('[data-chart="requests"]').scrollIntoViewIfNeeded();
    const box = (await page.locator('[data-chart="requests"] .recharts-cartesian-grid').boundingBox())!;
    const x = box.x + ((index + 0.5) / report.series.length) * box.width;
    for (let attempt = 0; attempt < 20 && !page.url().includes('/admin/request-log'); attempt += 1) {
      await page.mouse.move(x, box.y + box.height - 4);
      await page.mouse.click(x, box.y + box.height - 4);
      await page.waitForTimeout(500);
    }
    await page.waitForURL(/\/admin\/request-log\?/, { timeout: 10_000 });
    const params = new URL(page.url()).searchParams;
    expect([params.get('api'), params.get('from'), params.get('to')]).toEqual(['weather', busiest.start, new Date(Date.parse(busiest.start) + MINUTE).toISOString()]);
    await expect.poll(() => page.getByRole('table').locator('tbody tr').count(), { timeout: 15_000 }).toBe(busiest.requests);
    await shot(page, 'console-analytics-drill-down-light-desktop');
  }, 90_000);

  it('has no serious accessibility violations and fits a phone; screenshots light and dark, desktop and 390 px', async () => {
    const state = await session!.desktop.storageState();
    const found = await problemsInEveryLook(session!.browser, { desktop: DESKTOP, storageState: state }, async ({ page: view, check, shot }) => {
      for (const [name, path] of [['overview', '/admin/usage?range=24h'], ['api', '/admin/usage/apis/weather?range=1h'], ['empty', '/admin/usage/apps/acme-app?range=15m&status=1xx']] as const) {
        await view.goto(`${url}${path}`);
        await view.getByRole('heading', { level: 1 }).waitFor();
        await view.locator('[data-figure="Requests"]').waitFor();
        await check(name);
        await shot(`console-analytics-${name}`);
      }
    });
    expect(found).toEqual([]);
  }, 300_000);
});
