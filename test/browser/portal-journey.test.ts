/// <reference lib="dom" />
// The developer portal end to end, as a stranger meets it, against the production build, a
// real gateway and upstream and real PostgreSQL: sign up, confirm the address from the mail
// outbox, browse the catalog, create an app, subscribe it on the Free plan, create a key, try a
// call from the API page and get a 200 through the gateway, see the call in the usage, roll the
// key, revoke the old one and see the gateway refuse it. Then a Pro subscription waits for
// approval until an admin approves it in the console, and the same key starts working.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useTestDatabase } from '@tollgate/db/testing';
import { displayPrefix, hashPassword } from '@tollgate/domain';
import { createApi, createApp, createPlan, createRoute, createTeam, runOperation, type Principal } from '@tollgate/operations';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../apps/gateway/src/start-gateway';
import { startTestGateway } from '../../apps/gateway/src/testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../../apps/gateway/src/testing/test-upstream';
import { freePort } from '../setup/services';
import { waitForMailLink } from '../support/mail-outbox';
import { startPortal, type RunningPortal } from '../support/portal';
import { openDialog, SCREENSHOTS, shot, signInToConsole } from './console-page';
import { chromiumAvailable, launchChromium } from './launch-chromium';

const STRANGER = { name: 'Sam Stranger', email: 'sam@example.com', password: 'a journey of one call' };
const ADMIN = { email: 'ada@example.com', password: 'admin journey password' };
const OPERATION = 'Forecast for a city';
const t = useTestDatabase();
// How long the journey waits for what follows a change: generous, so a busy machine is not a
// failure (the 1 s config follow is asserted by the gateway's own tests).
const GATEWAY_FOLLOWS = { timeout: 20_000, interval: 250 };
const PAGE_SHOWS = { timeout: 15_000 };

const WEATHER_OPENAPI = {
  openapi: '3.1.0',
  info: { title: 'Weather', version: '1.0.0' },
  paths: {
    '/forecast/{city}': {
      get: {
        summary: OPERATION,
        parameters: [{ name: 'city', in: 'path', required: true, schema: { type: 'string', example: 'paris' }, example: 'paris' }],
        responses: { '200': { description: 'The forecast' } },
      },
    },
  },
};

async function seed(upstreamUrl: string): Promise<void> {
  const admin: Principal = { kind: 'cli', id: 'cli', label: 'cli', role: 'owner' };
  const run = (operation: Parameters<typeof runOperation>[2], input: unknown) => runOperation(t.db, admin, operation, input);
  for (const [slug, name] of [['weather', 'Weather'], ['maps', 'Maps']] as const) {
    await run(createApi, { slug, name, description: `${name} for partners and strangers alike.`, basePath: `/${slug}`, status: 'published', upstream: { targets: [{ url: upstreamUrl }] } });
    await run(createRoute, { apiSlug: slug, path: '/forecast/{city}', methods: ['GET'] });
  }
  await t.db.api.update({ where: { slug: 'weather' }, data: { openapi: WEATHER_OPENAPI } });
  await run(createPlan, { slug: 'free', name: 'Free', apis: ['weather'], quota: { requests: 1000, per: 'month' } });
  await run(createPlan, { slug: 'pro', name: 'Pro', apis: ['maps'], price: { monthlyCents: 4900, overagePer1000Cents: 20 }, approvalRequired: true });
  // Another team's app and a private API: the stranger must never see either.
  await run(createTeam, { slug: 'rivals', name: 'Rivals' });
  await run(createApp, { team: 'rivals', slug: 'rival-app', name: 'Rival App' });
  await run(createApi, { slug: 'internal', name: 'Internal', basePath: '/internal', status: 'published', visibility: 'private' });
  await t.db.user.create({ data: { email: ADMIN.email, name: 'Ada Admin', role: 'admin', emailVerifiedAt: new Date(), passwordHash: await hashPassword(ADMIN.password) } });
}

/** Picks an option of a select named by its label. */
async function choose(scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await scope.page().getByRole('option', { name: option, exact: true }).click();
}

/** What the gateway answers a call with this key. */
async function callGateway(gatewayUrl: string, apiPath: string, key: string): Promise<number> {
  const response = await fetch(`${gatewayUrl}${apiPath}`, { headers: { 'x-api-key': key } });
  await response.arrayBuffer();
  return response.status;
}

describe.skipIf(!chromiumAvailable())('developer portal: from a stranger to a first 200, then the approval of a paid plan', () => {
  let upstream: TestUpstream;
  let gateway: RunningGateway;
  let portal: RunningPortal;
  let browser: Browser;
  let page: Page;
  let outbox = '';
  let gatewayUrl = '';
  const keys = { first: { secret: '', prefix: '' }, second: { secret: '' } };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    outbox = mkdtempSync(path.join(tmpdir(), 'tollgate-journey-outbox-'));
    upstream = await startTestUpstream();
    await seed(upstream.url);
    const gatewayPort = await freePort();
    gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    portal = await startPortal({ databaseUrl: t.url, env: { GATEWAY_PUBLIC_URL: gatewayUrl, MAIL_OUTBOX_DIR: outbox } });
    gateway = await startTestGateway(t.url, { GATEWAY_PORT: gatewayPort, GATEWAY_PORTAL_ORIGINS: [new URL(portal.url).origin] });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await gateway?.close();
    await upstream?.close();
    if (outbox) rmSync(outbox, { recursive: true, force: true });
  });

  it('signs up and confirms the address from the mail', { timeout: 120_000 }, async () => {
    await page.goto(`${portal.url}/signup`);
    await page.getByLabel('Name').fill(STRANGER.name);
    await page.getByLabel('Email').fill(STRANGER.email);
    await page.getByLabel('Password').fill(STRANGER.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Check your inbox').waitFor();
    await page.goto(await waitForMailLink(outbox, STRANGER.email, 'Confirm your email address'));
    await page.getByRole('heading', { name: 'Email confirmed' }).waitFor();
    await page.goto(`${portal.url}/signin?callbackUrl=${encodeURIComponent('/apis')}`);
    await page.getByLabel('Email', { exact: true }).fill(STRANGER.email);
    await page.getByLabel('Password', { exact: true }).fill(STRANGER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${portal.url}/apis`);
  });

  it('answers 404, with the status, for another team\'s app and its usage and for a private API', { timeout: 120_000 }, async () => {
    for (const path of ['/apps/rival-app', '/usage/rival-app', '/apis/internal', '/apps/no-such-app']) {
      const response = await page.request.get(`${portal.url}${path}`, { maxRedirects: 0 });
      expect({ path, status: response.status() }).toEqual({ path, status: 404 });
      expect(await response.text()).not.toContain('Rival App');
    }
  });

  it('browses the catalog, creates an app, subscribes it on the Free plan and creates a key', { timeout: 120_000 }, async () => {
    await page.getByRole('link', { name: 'Weather' }).click();
    await page.getByRole('heading', { level: 1, name: 'Weather' }).first().waitFor();
    await page.getByRole('region', { name: 'Plans of Weather' }).getByText('Free').first().waitFor();

    await page.goto(`${portal.url}/apps`);
    const create = await openDialog(page, 'New app', 'New app');
    await create.getByLabel('Name').fill('Forecast Board');
    await create.getByRole('button', { name: 'Create app' }).click();
    await page.waitForURL(`${portal.url}/apps/forecast-board`);

    const subscribe = await openDialog(page, 'Subscribe', 'Subscribe to an API');
    await choose(subscribe, 'API', 'Weather');
    await choose(subscribe, 'Plan', 'Free');
    await subscribe.getByRole('button', { name: 'Subscribe' }).click();
    await subscribe.waitFor({ state: 'hidden' });
    const subscriptions = page.getByRole('region', { name: 'Subscriptions of Forecast Board' });
    await expect.poll(() => subscriptions.locator('tbody tr').first().textContent(), PAGE_SHOWS).toMatch(/Weather.*Free.*Active/);

    const newKey = await openDialog(page, 'New key', 'New key');
    await newKey.getByLabel('Name').fill('first');
    await newKey.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByRole('dialog', { name: 'Copy your new key' });
    keys.first.secret = (await shown.getByLabel('Key', { exact: true }).textContent())!.trim();
    keys.first.prefix = displayPrefix(keys.first.secret);
    expect(keys.first.secret).toMatch(/^tg_live_/);
    await shown.getByRole('button', { name: 'Done' }).click();
  });

  it('tries the API from its page with that key and gets a 200 through the gateway', { timeout: 120_000 }, async () => {
    await page.goto(`${portal.url}/apis/weather`);
    await page.getByRole('heading', { name: OPERATION }).first().waitFor({ timeout: 30_000 });
    await expect(page.getByRole('combobox', { name: 'Key' }).textContent()).resolves.toContain(keys.first.prefix);
    await page.getByLabel('Secret of the chosen key').fill(keys.first.secret);
    await page.getByRole('button', { name: /Test Request/ }).first().click();
    const answer = page.waitForResponse((response) => response.url().startsWith(`${gatewayUrl}/weather/forecast/`) && response.request().method() === 'GET');
    await page.getByRole('button', { name: /^Send/ }).first().click();
    expect((await answer).status()).toBe(200);
    await shot(page, 'portal-journey-first-200');
    await page.keyboard.press('Escape');
  });

  it('sees that call in the usage within a minute', { timeout: 120_000 }, async () => {
    const chart = page.getByRole('img', { name: /^Requests by outcome over the last hour: 1 success,/ });
    const deadline = Date.now() + 60_000;
    for (;;) {
      await page.goto(`${portal.url}/usage?range=1h`);
      await page.getByRole('heading', { level: 1, name: 'Usage' }).waitFor();
      if ((await chart.count()) > 0) break;
      if (Date.now() > deadline) throw new Error('the call did not show in the usage within a minute');
      await page.waitForTimeout(2_000);
    }
    await shot(page, 'portal-journey-usage');
  });

  it('rolls the key, revokes the old one, and the gateway refuses it while the new one works', { timeout: 120_000 }, async () => {
    await page.goto(`${portal.url}/apps/forecast-board`);
    const roll = `Roll key ${keys.first.prefix}… (first)`;
    const dialog = await openDialog(page, roll, roll);
    await dialog.getByLabel('Grace period (days)').fill('1');
    await dialog.getByRole('button', { name: 'Roll key' }).click();
    const shown = page.getByRole('dialog', { name: 'Copy the new key' });
    keys.second.secret = (await shown.getByLabel('Key', { exact: true }).textContent())!.trim();
    await shown.getByRole('button', { name: 'Done' }).click();
    // Within the grace period both work.
    await expect.poll(() => callGateway(gatewayUrl, '/weather/forecast/oslo', keys.second.secret), GATEWAY_FOLLOWS).toBe(200);
    expect(await callGateway(gatewayUrl, '/weather/forecast/oslo', keys.first.secret)).toBe(200);

    const revoke = `Revoke key ${keys.first.prefix}… (first)`;
    const confirmRevoke = await openDialog(page, revoke, `${revoke}?`, 'alertdialog');
    await confirmRevoke.getByRole('button', { name: 'Revoke key' }).click();
    await confirmRevoke.waitFor({ state: 'hidden' });
    await expect.poll(() => callGateway(gatewayUrl, '/weather/forecast/oslo', keys.first.secret), GATEWAY_FOLLOWS).toBe(401);
    expect(await callGateway(gatewayUrl, '/weather/forecast/oslo', keys.second.secret)).toBe(200);
  });

  it('waits on a Pro subscription until an admin approves it in the console; then the key works', { timeout: 120_000 }, async () => {
    const subscribe = await openDialog(page, 'Subscribe', 'Subscribe to an API');
    await choose(subscribe, 'API', 'Maps');
    await choose(subscribe, 'Plan', 'Pro (needs approval)');
    await subscribe.getByRole('button', { name: 'Subscribe' }).click();
    await subscribe.waitFor({ state: 'hidden' });
    const subscriptions = page.getByRole('region', { name: 'Subscriptions of Forecast Board' });
    await expect.poll(() => subscriptions.getByRole('row', { name: /Maps/ }).textContent(), PAGE_SHOWS).toMatch(/Pending approval/);
    const refused = await callGateway(gatewayUrl, '/maps/forecast/oslo', keys.second.secret);
    expect(refused).toBeGreaterThanOrEqual(400);

    const adminPage = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signInToConsole(adminPage, portal.url, ADMIN);
    await adminPage.goto(`${portal.url}/admin/subscriptions`);
    const approve = await openDialog(adminPage, 'Approve forecast-board → maps', 'Approve forecast-board → maps?', 'alertdialog');
    await approve.getByRole('button', { name: 'Approve', exact: true }).click();
    // While the modal is open the page beneath is hidden from the accessibility tree: wait for it to close.
    await approve.waitFor({ state: 'hidden' });
    await expect.poll(() => adminPage.getByRole('button', { name: 'Approve forecast-board → maps' }).count(), PAGE_SHOWS).toBe(0);
    await adminPage.context().close();

    await expect.poll(() => callGateway(gatewayUrl, '/maps/forecast/oslo', keys.second.secret), GATEWAY_FOLLOWS).toBe(200);
    await page.reload();
    await expect.poll(() => subscriptions.getByRole('row', { name: /Maps/ }).textContent(), PAGE_SHOWS).toMatch(/Active/);
  });
});
