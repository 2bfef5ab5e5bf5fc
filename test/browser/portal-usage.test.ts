/// <reference lib="dom" />
// Usage and billing in the developer portal, in a real browser on the production build: a
// developer with metered calls sees the chart, switches 24 h -> 7 d and the chart still
// draws, downloads the CSV of what is shown, opens billing and downloads a statement; axe
// checks and screenshots of /usage and /billing, light and dark, desktop and 390 px.
import { mkdirSync, readFileSync } from 'node:fs';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, rollUpLevels, runBillingTick } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { hashPassword, USAGE_OUTCOME_LABELS, USAGE_OUTCOMES, usageOutcome } from '@tollgate/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushUsageEvents, type UsageEventInput } from '../support/flush-usage-events';
import { startPortal, type RunningPortal } from '../support/portal';
import { SCREENSHOTS, seriousViolations, shot } from './console-page';
import { problemsInEveryLook } from './every-look';
import { chromiumAvailable, launchChromium } from './launch-chromium';

const DEV = { email: 'dana@example.com', password: 'portal usage password 1' };
const NEWCOMER = { email: 'erin@example.com', password: 'portal usage password 2' };
const DESKTOP = { width: 1280, height: 900 };
const HOUR = 3_600_000;

const t = useTestDatabase();
const events: UsageEventInput[] = [];

async function seed(): Promise<void> {
  await applyConfig(
    t.db,
    ZConfigFile.parse({
      apis: [{ slug: 'weather', name: 'Weather', basePath: '/weather', status: 'published', upstream: { targets: [{ url: 'http://127.0.0.1:4010' }] } }],
      plans: [{ slug: 'pro', name: 'Pro', apis: ['weather'], quota: { requests: 500, per: 'month' }, price: { monthlyCents: 4900, includedUnits: 10, overagePer1000Cents: 1500 }, hardStop: false }],
      teams: [
        { slug: 'acme', name: 'Acme', apps: [{ slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'weather', plan: 'pro' }] }] },
        { slug: 'globex', name: 'Globex', apps: [{ slug: 'globex-app', name: 'Globex App', subscriptions: [{ api: 'weather', plan: 'pro' }] }] },
      ],
    }),
    { baseDir: process.cwd() },
  );
  const now = new Date();
  // Monthly periods from the start of the month before last: that period is closed by the billing tick.
  const anchor = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1));
  await t.db.subscription.updateMany({ data: { billingAnchor: anchor, timeZone: 'UTC' } });
  const user = await t.db.user.create({ data: { email: DEV.email, name: 'Dana Developer', passwordHash: await hashPassword(DEV.password), emailVerifiedAt: now } });
  // A developer whose team has an app but has made no call yet.
  const erin = await t.db.user.create({ data: { email: NEWCOMER.email, name: 'Erin Newcomer', passwordHash: await hashPassword(NEWCOMER.password), emailVerifiedAt: now } });
  const initech = await t.db.team.create({ data: { slug: 'initech', name: 'Initech', apps: { create: { slug: 'initech-app', name: 'Initech App' } } } });
  await t.db.teamMember.create({ data: { teamId: initech.id, userId: erin.id, role: 'owner' } });
  const api = await t.db.api.findUniqueOrThrow({ where: { slug: 'weather' } });
  const plan = await t.db.plan.findUniqueOrThrow({ where: { slug: 'pro' } });
  for (const slug of ['acme-app', 'globex-app']) {
    const app = await t.db.app.findUniqueOrThrow({ where: { slug }, include: { subscriptions: true } });
    if (slug === 'acme-app') await t.db.teamMember.create({ data: { teamId: app.teamId, userId: user.id, role: 'owner' } });
    const call = (time: Date, status: number, latencyMs: number, routeKey = 'GET /forecast/{city}') => ({
      time: time.toISOString(),
      apiId: api.id,
      routeKey,
      appId: app.id,
      subscriptionId: app.subscriptions[0]!.id,
      planId: plan.id,
      status,
      latencyMs,
      units: status < 500 && status !== 429 ? 1 : 0,
    });
    const mine = slug === 'acme-app';
    for (let i = 0; i < (mine ? 40 : 7); i++) {
      const status = i % 10 === 3 ? 404 : i % 10 === 7 ? 503 : 200;
      events.push({ ...call(new Date(now.getTime() - (i % 20) * HOUR - 5 * 60_000), status, 5 + (i % 9) * 20, i % 4 === 0 ? 'GET /alerts' : undefined), ...(mine ? {} : { path: '/globex' }) });
    }
    for (let i = 0; i < (mine ? 12 : 3); i++) events.push(call(new Date(now.getTime() - (72 + i) * HOUR), 200, 40));
    for (let i = 0; i < 25; i++) events.push(call(new Date(anchor.getTime() + 2 * 24 * HOUR + i * 60_000), 200, 12));
  }
  await flushUsageEvents(t.url, events);
  // The worker's loops: hourly and daily levels (the 7-day view reads hours), then statements.
  await rollUpLevels(t.db);
  await runBillingTick(t.db, now);
}

describe.skipIf(!chromiumAvailable())('usage and billing in the developer portal', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  let acmeAppId = '';

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await seed();
    acmeAppId = (await t.db.app.findUniqueOrThrow({ where: { slug: 'acme-app' } })).id;
    portal = await startPortal({ databaseUrl: t.url });
    browser = await launchChromium();
    desktop = await browser.newContext({ viewport: DESKTOP, bypassCSP: true, colorScheme: 'light', acceptDownloads: true });
    page = await desktop.newPage();
    await page.goto(`${portal.url}/signin?callbackUrl=${encodeURIComponent('/usage')}`);
    await page.getByLabel('Email').fill(DEV.email);
    await page.getByLabel('Password').fill(DEV.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${portal.url}/usage`);
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  const chart = () => page.getByRole('img', { name: /^Requests by outcome/ });
  const mineSince = (msAgo: number) => events.filter((event) => event.appId === acmeAppId && Date.parse(event.time) >= Date.now() - msAgo);

  it('draws the calls of the last 24 hours, stacked by outcome, and keeps drawing at 7 days', async () => {
    await chart().locator('.recharts-bar-rectangle').first().waitFor();
    expect(await chart().locator('.recharts-bar').count()).toBe(USAGE_OUTCOMES.length);
    const last24h = mineSince(24 * HOUR);
    // Seeded without a problem code, each call's outcome is the one its status implies.
    const counts = USAGE_OUTCOMES.map((outcome) => `${last24h.filter((e) => usageOutcome(e.status) === outcome).length} ${USAGE_OUTCOME_LABELS[outcome].toLowerCase()}`).join(', ');
    await page.getByRole('img', { name: `Requests by outcome over the last 24 hours: ${counts}` }).waitFor();
    await page.getByRole('button', { name: 'Last 7 d', exact: true }).click();
    await page.waitForURL(/range=7d/);
    await page.getByText('Stacked per hour, the last 7 days (UTC).').waitFor();
    await chart().locator('.recharts-bar-rectangle').first().waitFor();
    expect(await chart().locator('.recharts-bar').count()).toBe(USAGE_OUTCOMES.length);
    expect(await page.getByRole('button', { name: 'Last 7 d', exact: true }).getAttribute('aria-pressed')).toBe('true');
    const requests = await page.locator('dl dt').filter({ hasText: /^Requests$/ }).locator('xpath=following-sibling::dd').textContent();
    expect(Number(requests?.replace(/,/g, ''))).toBe(mineSince(7 * 24 * HOUR).length);
    expect(await page.content()).not.toContain('globex');
  });

  it('downloads the shown data as CSV, one row per bucket', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    const lines = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('start,success,clientError,serverError,rateLimited,overQuota,authFailed,requests,units');
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows.length).toBeGreaterThanOrEqual(168);
    const sum = (column: number) => rows.reduce((total, row) => total + Number(row[column]), 0);
    const week = mineSince(7 * 24 * HOUR);
    expect(sum(1)).toBe(week.filter((event) => event.status < 400).length);
    expect(sum(2)).toBe(week.filter((event) => event.status >= 400 && event.status < 500).length);
    expect(sum(3)).toBe(week.filter((event) => event.status >= 500).length);
  });

  it('refuses another team’s usage, CSV and key as not found', async () => {
    const response = await page.request.get(`${portal.url}/usage/export.csv?range=24h&app=globex-app`);
    expect(response.status()).toBe(404);
    expect(await response.text()).not.toContain('globex-app,');
    const globex = await t.db.app.findUniqueOrThrow({ where: { slug: 'globex-app' } });
    const key = await t.db.apiKey.create({ data: { appId: globex.id, name: 'ci', prefix: 'tg_test_globex', hash: 'globex-key-hash' } });
    // The pages stream behind their loading skeleton, so the answer is the not-found page, not a 404 status.
    for (const path of ['/usage/globex-app', `/usage?key=${key.id}`]) {
      await page.goto(`${portal.url}${path}`);
      await page.getByRole('heading', { level: 1, name: 'Nothing here' }).waitFor();
      expect(await page.getByRole('img', { name: /^Requests by outcome/ }).count()).toBe(0);
    }
    expect((await page.request.get(`${portal.url}/usage/export.csv?key=${key.id}`)).status()).toBe(404);
  });

  it('shows the running estimate and a closed statement, which downloads as CSV and JSON', async () => {
    await page.goto(`${portal.url}/billing`);
    await page.getByRole('heading', { level: 1, name: 'Billing' }).waitFor();
    await page.getByRole('heading', { name: 'This period' }).waitFor();
    const statement = await t.db.billingStatement.findFirstOrThrow({ where: { status: 'closed', subscription: { app: { slug: 'acme-app' } } }, orderBy: { periodStart: 'asc' } });
    expect(statement.usedUnits).toBe(25n);
    const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
    const title = `acme-app · weather, ${day.format(statement.periodStart)} – ${day.format(new Date(statement.periodEnd.getTime() - 1))}`;
    await page.getByText(title, { exact: true }).click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `Download CSV of ${title}` }).click()]);
    const lines = readFileSync((await csv.path())!, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('statementId,status,team,app,api,route,weight,periodStart,periodEnd,requests,units,overageCents');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 6).join(','))).toEqual([`${statement.id},closed,acme,acme-app,weather,GET /forecast/{city}`]);
    expect(lines[1]!.split(',').slice(9, 11)).toEqual(['25', '25']);
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `Download JSON of ${title}` }).click()]);
    expect(JSON.parse(readFileSync((await json.path())!, 'utf8'))).toMatchObject({ id: statement.id, status: 'closed', usedUnits: '25', overageUnits: '15', totalCents: String(4900 + Math.floor((15 * 1500 + 500) / 1000)) });
    const foreign = await t.db.billingStatement.findFirstOrThrow({ where: { subscription: { app: { slug: 'globex-app' } } } });
    expect((await page.request.get(`${portal.url}/billing/statements/${foreign.id}/download?format=json`)).status()).toBe(404);
    expect(await page.content()).not.toContain('globex');
  });

  it('tells a developer without calls or subscriptions how to start', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, bypassCSP: true, colorScheme: 'light' });
    const view = await context.newPage();
    await view.goto(`${portal.url}/signin?callbackUrl=${encodeURIComponent('/usage')}`);
    await view.getByLabel('Email').fill(NEWCOMER.email);
    await view.getByLabel('Password').fill(NEWCOMER.password);
    await view.getByRole('button', { name: 'Sign in' }).click();
    await view.waitForURL(`${portal.url}/usage`);
    await view.getByText('No calls yet — make your first call').waitFor();
    expect(await view.getByRole('link', { name: 'Get an API key' }).getAttribute('href')).toBe('/apps');
    expect(await view.getByRole('img', { name: /^Requests by outcome/ }).count()).toBe(0);
    expect(await seriousViolations(view)).toEqual([]);
    await shot(view, 'portal-usage-empty-light-desktop');
    await view.goto(`${portal.url}/billing`);
    await view.getByText('No subscriptions yet').waitFor();
    await context.close();
  });

  it('has no serious accessibility violations and saves screenshots, light and dark, desktop and 390 px', async () => {
    const state = await desktop.storageState();
    const found = await problemsInEveryLook(browser, { desktop: DESKTOP, storageState: state }, async ({ page: view, check, shot }) => {
      for (const target of [{ path: '/usage?range=24h', heading: 'Usage', name: 'usage' }, { path: '/billing', heading: 'Billing', name: 'billing' }]) {
        await view.goto(`${portal.url}${target.path}`);
        await view.getByRole('heading', { level: 1, name: target.heading, exact: true }).waitFor();
        if (target.name === 'usage') await view.locator('.recharts-bar-rectangle').first().waitFor();
        await check(target.name);
        await shot(`portal-${target.name}`);
      }
    });
    expect(found).toEqual([]);
  }, 300_000);
});
