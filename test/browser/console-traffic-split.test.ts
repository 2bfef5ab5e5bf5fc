/// <reference lib="dom" />
// An API's traffic split in the console, in a real browser: two targets get a version, a split
// of 90/5 is refused inline with its sum, a host that does not resolve is refused on its URL,
// then 95/5 with a rule for the partner plan is saved, shown again after a reload, and a gateway
// reading the same database sends the partner plan's caller to the canary. Axe and screenshots
// light and dark, desktop and phone.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, createApiKey } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { hashPassword } from '@tollgate/domain';
import type { BrowserContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestGateway } from '../../apps/gateway/src/testing/test-gateway';
import type { RunningPortal } from '../support/portal';
import { type ConsoleSession, openConsoleSession, openDialog, SCREENSHOTS, shot } from './console-page';
import { problemsInEveryLook } from './every-look';
import { chromiumAvailable } from './launch-chromium';

const ADMIN = { email: 'ops@example.com', password: 'console split password 7' };
const DESKTOP = { width: 1280, height: 900 };

const t = useTestDatabase();

type VersionServer = { server: Server; url: string; version: string };

/** An upstream that answers with its version, so the gateway's choice shows in the body. */
async function versionServer(): Promise<VersionServer> {
  const upstream: VersionServer = { server: createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end(upstream.version)), url: '', version: '' };
  await new Promise<void>((resolve) => upstream.server.listen(0, '127.0.0.1', resolve));
  upstream.url = `http://127.0.0.1:${(upstream.server.address() as AddressInfo).port}`;
  return upstream;
}

describe.skipIf(!chromiumAvailable())('console: traffic split of an API', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  let session: ConsoleSession | undefined;
  let stable: VersionServer;
  let canary: VersionServer;
  let partnerKey: string;

  beforeAll(async () => {
    // The console lists targets in URL order: stable is the first.
    [stable, canary] = [await versionServer(), await versionServer()].sort((a, b) => (a.url < b.url ? -1 : 1)) as [VersionServer, VersionServer];
    stable.version = 'stable';
    canary.version = 'canary';
    await t.db.user.create({ data: { email: ADMIN.email, name: 'Ops Admin', role: 'admin', passwordHash: await hashPassword(ADMIN.password) } });
    const config = ZConfigFile.parse({
      apis: [{ slug: 'weather', name: 'Weather', basePath: '/weather', status: 'published', upstream: { targets: [{ url: stable.url }, { url: canary.url }] }, routes: [{ path: '/now', methods: ['GET'] }] }],
      plans: [{ slug: 'partner', name: 'Partner', apis: ['weather'] }],
      teams: [{ slug: 'acme', name: 'Acme', apps: [{ slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'weather', plan: 'partner' }] }] }],
    });
    await applyConfig(t.db, config, { baseDir: process.cwd() });
    partnerKey = (await createApiKey(t.db, { appSlug: 'acme-app' })).key;
    session = await openConsoleSession(t.url, ADMIN, { viewport: DESKTOP });
    ({ portal, browser, desktop, page } = session);
  }, 600_000);

  afterAll(async () => {
    await session?.close();
    stable?.server.close();
    canary?.server.close();
  });

  const storedSplit = async () => ((await t.db.upstream.findFirstOrThrow()).settings as { split?: unknown }).split;

  it('gives the targets a version, turns the split on, and refuses 90 + 5 inline with its sum', async () => {
    await page.goto(`${portal.url}/admin/apis/weather`);
    const form = page.getByRole('form', { name: 'Upstream' });
    await form.getByLabel('Target 1 URL').waitFor();
    expect(await form.getByLabel('Target 1 URL').getAttribute('aria-describedby')).toBeTruthy();
    await form.getByText('each address it resolves to is balanced and health-checked').waitFor();
    expect(await form.getByLabel('Share 1 percent').count()).toBe(0);

    await form.getByLabel('Target 1 version').fill('stable');
    await form.getByLabel('Target 2 version').fill('canary');
    await form.getByRole('switch', { name: 'Split traffic by version' }).click();
    expect(await form.getByLabel('Share 1 version').inputValue()).toBe('stable');
    expect(await form.getByLabel('Share 2 version').inputValue()).toBe('canary');
    await form.getByText('Sum: 100 + 0 = 100').waitFor();
    await form.getByLabel('Share 1 percent').fill('90');
    await form.getByLabel('Share 2 percent').fill('5');
    await form.getByText('Sum: 90 + 5 = 95').waitFor();
    await form.getByRole('button', { name: 'Save upstream' }).click();
    await form.getByText('Weights must sum to 100 (they sum to 95)').waitFor();
    await shot(page, 'console-traffic-split-sum-error-light-desktop');
    expect(await storedSplit()).toBeUndefined();

    await form.getByLabel('Share 1 percent').fill('95');
    await form.getByText('Sum: 95 + 5 = 100').waitFor();
    await form.getByText('Weights must sum to 100').waitFor({ state: 'hidden' });
  }, 120_000);

  it('names a version no target has on its row, and a host that does not resolve on its URL', async () => {
    const form = page.getByRole('form', { name: 'Upstream' });
    await form.getByLabel('Share 2 version').fill('beta');
    await form.getByRole('button', { name: 'Save upstream' }).click();
    await form.getByText('unknown version "beta": no target names it').waitFor();
    expect(await form.getByLabel('Share 2 version').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Share 2 version').fill('canary');

    await form.getByLabel('Target 2 URL').fill('http://nowhere.invalid:4011');
    await form.getByRole('button', { name: 'Save upstream' }).click();
    await form.getByText('host "nowhere.invalid" does not resolve', { exact: false }).waitFor({ timeout: 20_000 });
    expect(await form.getByLabel('Target 2 URL').getAttribute('aria-invalid')).toBe('true');
    expect(await storedSplit()).toBeUndefined();
    await form.getByLabel('Target 2 URL').fill(canary.url);
  }, 60_000);

  it('saves 95/5 with a rule for the partner plan, shows it after a reload, and the gateway follows it', async () => {
    const gateway = await startTestGateway(t.url, { GATEWAY_HEARTBEAT_MS: 60_000 });
    try {
      const call = async () => (await fetch(`${gateway.url}/weather/now`, { headers: { authorization: `Bearer ${partnerKey}` } })).text();
      const before = new Set<string>();
      for (let index = 0; index < 6; index += 1) before.add(await call());
      expect([...before].sort()).toEqual(['canary', 'stable']);

      const form = page.getByRole('form', { name: 'Upstream' });
      await form.getByRole('button', { name: 'Add rule' }).click();
      const rule = form.getByRole('group', { name: 'Rule 1' });
      await rule.getByRole('combobox', { name: 'Match' }).click();
      await page.getByRole('option', { name: 'Plan' }).click();
      await rule.getByLabel('Plans').fill('partner');
      await rule.getByLabel('Version').fill('canary');
      await form.getByRole('button', { name: 'Save upstream' }).click();
      await page.getByText('Upstream saved').waitFor();
      expect(await storedSplit()).toEqual({ weights: { stable: 95, canary: 5 }, rules: [{ plans: ['partner'], version: 'canary' }], sticky: 'consumer' });

      await page.reload();
      await form.getByRole('switch', { name: 'Split traffic by version', checked: true }).waitFor();
      expect(await form.getByLabel('Share 1 version').inputValue()).toBe('stable');
      expect(await form.getByLabel('Share 1 percent').inputValue()).toBe('95');
      expect(await form.getByLabel('Share 2 percent').inputValue()).toBe('5');
      await form.getByText('Sum: 95 + 5 = 100').waitFor();
      expect(await rule.getByLabel('Plans').inputValue()).toBe('partner');
      expect(await rule.getByLabel('Version').inputValue()).toBe('canary');
      expect(await form.getByLabel('Target 1 version').inputValue()).toBe('stable');

      await eventually(async () => {
        for (let index = 0; index < 6; index += 1) expect(await call()).toBe('canary');
      }, 20_000);
    } finally {
      await gateway.close();
    }
  }, 120_000);

  it('sends no split once it is turned off', async () => {
    const form = page.getByRole('form', { name: 'Upstream' });
    await form.getByRole('switch', { name: 'Split traffic by version' }).click();
    await form.getByText('Sum:').waitFor({ state: 'hidden' });
    await form.getByRole('button', { name: 'Save upstream' }).click();
    await eventually(async () => expect(await storedSplit()).toBeUndefined(), 10_000);
    await page.reload();
    await form.getByRole('switch', { name: 'Split traffic by version', checked: false }).waitFor();
  }, 60_000);

  it("gives a route its own split: a version no target serves is refused on its row, canary-only is saved, the gateway follows it, and turning it off removes it", async () => {
    const routeSplit = async () => ((await t.db.route.findFirstOrThrow({ where: { path: '/now' } })).policies as { split?: unknown }).split;
    const gateway = await startTestGateway(t.url, { GATEWAY_HEARTBEAT_MS: 60_000 });
    try {
      await page.goto(`${portal.url}/admin/apis/weather`);
      let dialog = await openDialog(page, 'Edit GET /now', 'Edit GET /now');
      await dialog.getByRole('switch', { name: 'Split traffic by version' }).click();
      expect(await dialog.getByLabel('Share 1 version').inputValue()).toBe('stable');
      await dialog.getByLabel('Share 2 version').fill('beta');
      await dialog.getByRole('button', { name: 'Save route' }).click();
      await dialog.getByText('unknown version "beta": no target names it').waitFor();
      expect(await dialog.getByLabel('Share 2 version').getAttribute('aria-invalid')).toBe('true');
      expect(await routeSplit()).toBeUndefined();

      await dialog.getByLabel('Share 2 version').fill('canary');
      await dialog.getByLabel('Share 1 percent').fill('0');
      await dialog.getByLabel('Share 2 percent').fill('100');
      await shot(page, 'console-route-split-light-desktop');
      await dialog.getByRole('button', { name: 'Save route' }).click();
      await page.getByText('Saved GET /now').waitFor();
      expect(await routeSplit()).toEqual({ weights: { stable: 0, canary: 100 }, rules: [], sticky: 'consumer' });
      await eventually(async () => {
        for (let index = 0; index < 4; index += 1) expect(await (await fetch(`${gateway.url}/weather/now`, { headers: { authorization: `Bearer ${partnerKey}` } })).text()).toBe('canary');
      }, 20_000);

      await page.reload();
      dialog = await openDialog(page, 'Edit GET /now', 'Edit GET /now');
      expect(await dialog.getByLabel('Share 1 version').inputValue()).toBe('canary');
      expect(await dialog.getByLabel('Share 1 percent').inputValue()).toBe('100');
      await dialog.getByRole('switch', { name: 'Split traffic by version' }).click();
      await dialog.getByRole('button', { name: 'Save route' }).click();
      await page.getByText('Saved GET /now').first().waitFor();
      await eventually(async () => expect(await routeSplit()).toBeUndefined(), 10_000);
    } finally {
      await gateway.close();
    }
  }, 120_000);

  it('has no serious accessibility violations and fits a phone; screenshots light and dark, desktop and phone', async () => {
    await t.db.upstream.updateMany({ data: { settings: { split: { weights: { stable: 95, canary: 5 }, rules: [{ plans: ['partner'], version: 'canary' }, { header: 'X-Release' }], sticky: 'consumer' } } } });
    const found = await problemsInEveryLook(browser, { desktop: DESKTOP, storageState: await desktop.storageState() }, async ({ page: view, scheme, size, check, shot: look }) => {
      await view.goto(`${portal.url}/admin/apis/weather`);
      await view.getByRole('switch', { name: 'Split traffic by version', checked: true }).waitFor();
      await check('traffic split');
      await look('console-traffic-split');
      // The form alone as well: on a phone's full page it is too small to judge.
      await view.getByRole('form', { name: 'Upstream' }).screenshot({ path: path.join(SCREENSHOTS, `console-traffic-split-form-${scheme}-${size}.png`) });
    });
    expect(found).toEqual([]);
  }, 300_000);
});
