/// <reference lib="dom" />
// Alerts and analytics exclusions in the console, in a real browser: a rule refused inline and
// then created, shown in the list as ok and, once the worker marked it, as firing since when;
// edited and deleted after confirmation; an app and a key left out of analytics from their
// pages; axe and screenshots light and dark, desktop and phone.
import { useTestDatabase } from '@tollgate/db/testing';
import { hashPassword } from '@tollgate/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPortal } from '../support/portal';
import { type ConsoleSession, openConsoleSession, openDialog, shot } from './console-page';
import { problemsInEveryLook } from './every-look';
import { chromiumAvailable } from './launch-chromium';

const OWNER = { email: 'ari@example.com', password: 'console alerts password 1' };
const DESKTOP = { width: 1280, height: 860 };

const t = useTestDatabase();

async function seed(): Promise<void> {
  await t.db.user.create({ data: { email: OWNER.email, name: 'Ari Owner', role: 'owner', passwordHash: await hashPassword(OWNER.password) } });
  const api = await t.db.api.create({ data: { slug: 'weather', name: 'Weather', basePath: '/weather', status: 'published' } });
  const team = await t.db.team.create({ data: { slug: 'acme', name: 'Acme' } });
  const app = await t.db.app.create({ data: { slug: 'acme-app', name: 'Acme App', teamId: team.id } });
  const plan = await t.db.plan.create({ data: { slug: 'free', name: 'Free', quotaRequests: 1000, quotaPer: 'month' } });
  await t.db.subscription.create({ data: { appId: app.id, apiId: api.id, planId: plan.id } });
  await t.db.apiKey.create({ data: { appId: app.id, prefix: 'tg_test_q7Rk', hash: 'c'.repeat(64), environment: 'test', name: 'load test' } });
}

describe.skipIf(!chromiumAvailable())('alerts and analytics exclusions in the console', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  let session: ConsoleSession | undefined;

  beforeAll(async () => {
    await seed();
    session = await openConsoleSession(t.url, OWNER, { viewport: DESKTOP });
    ({ portal, browser, desktop, page } = session);
  }, 600_000);

  afterAll(() => session?.close());

  it('says how to start when there is no rule, refuses a bad threshold on its field, then creates the rule, listed as ok', async () => {
    await page.goto(`${portal.url}/admin/alerts`);
    await page.getByRole('heading', { level: 1, name: 'Alerts', exact: true }).waitFor();
    await page.getByText('No alerts yet').waitFor();
    await shot(page, 'console-alerts-empty-light-desktop');

    const dialog = await openDialog(page, 'New alert', 'New alert');
    await dialog.getByLabel('Name').fill('Weather errors');
    await dialog.getByRole('combobox', { name: 'API' }).click();
    await page.getByRole('option', { name: 'weather' }).click();
    const threshold = dialog.getByLabel('Threshold (%)');
    await threshold.fill('150');
    await dialog.getByLabel('Mail to').fill('ops@example.com, not an address');
    await dialog.getByRole('button', { name: 'Create alert' }).click();
    await dialog.getByText('must be at most 100 %').waitFor();
    await dialog.getByText('must be an email address').waitFor();
    expect(await threshold.getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'console-alerts-form-errors-light-desktop');
    expect(await t.db.alertRule.count()).toBe(0);

    await threshold.fill('12.5');
    await dialog.getByLabel('Mail to').fill('ops@example.com');
    await dialog.getByRole('button', { name: 'Create alert' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: /Weather errors/ });
    await row.getByText('ok', { exact: true }).waitFor();
    await expect(row.getByText('Error rate > 12.5 %').isVisible()).resolves.toBe(true);
    expect(await t.db.alertRule.findFirstOrThrow()).toMatchObject({ name: 'Weather errors', metric: 'error_rate', threshold: 12.5, windowMinutes: 5, mailTo: ['ops@example.com'], state: 'ok' });
  }, 120_000);

  it('creates a quota rule on a subscription and shows a firing rule with the time it fired', async () => {
    await page.goto(`${portal.url}/admin/alerts`);
    const dialog = await openDialog(page, 'New alert', 'New alert');
    await dialog.getByLabel('Name').fill('Acme near its quota');
    await dialog.getByRole('combobox', { name: 'Metric' }).click();
    await page.getByRole('option', { name: 'Quota used' }).click();
    await dialog.getByRole('button', { name: 'Create alert' }).click();
    await dialog.getByText('a quota rule needs a subscription').waitFor();
    await dialog.getByRole('combobox', { name: 'Subscription' }).click();
    await page.getByRole('option', { name: 'acme-app on weather (free)' }).click();
    await dialog.getByLabel('Threshold (%)').fill('90');
    await dialog.getByRole('button', { name: 'Create alert' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('row', { name: /Acme near its quota/ }).getByText('acme-app on weather').waitFor();

    // What the worker writes when the rule fires.
    await t.db.alertRule.updateMany({ where: { name: 'Weather errors' }, data: { state: 'firing', firingSince: new Date(Date.now() - 7 * 60_000), lastValue: 31.25, lastEvaluatedAt: new Date() } });
    await page.reload();
    const firing = page.getByRole('row', { name: /Weather errors/ });
    await firing.getByText('firing', { exact: true }).waitFor();
    await expect(firing.getByText(/since/).textContent()).resolves.toMatch(/since 7 min/);
    await expect(firing.getByText('31.25 %').isVisible()).resolves.toBe(true);
    await shot(page, 'console-alerts-firing-light-desktop');
  }, 120_000);

  it('edits a rule and deletes one after confirmation', async () => {
    await page.goto(`${portal.url}/admin/alerts`);
    await page.waitForLoadState('networkidle');
    const edit = await openDialog(page, 'Edit alert Weather errors', 'Edit alert Weather errors');
    await edit.getByLabel('Window (minutes)').fill('15');
    await edit.getByRole('button', { name: 'Save alert' }).click();
    await edit.waitFor({ state: 'hidden' });
    await page.getByRole('row', { name: /Weather errors/ }).getByText('over 15 min').waitFor();

    const confirm = await openDialog(page, 'Delete alert Acme near its quota', 'Delete alert Acme near its quota?', 'alertdialog');
    await confirm.getByRole('button', { name: 'Delete alert' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByRole('row', { name: /Acme near its quota/ }).waitFor({ state: 'detached' });
    expect((await t.db.alertRule.findMany()).map((rule) => [rule.name, rule.windowMinutes])).toEqual([['Weather errors', 15]]);
    const audit = await t.db.auditLog.findMany({ where: { resourceType: 'alert_rule' }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => entry.action)).toEqual(['alerts.create', 'alerts.create', 'alerts.update', 'alerts.delete']);
  }, 120_000);

  it('leaves an app and a key out of analytics from the app page', async () => {
    await page.goto(`${portal.url}/admin/apps/acme-app`);
    await page.waitForLoadState('networkidle');
    const appSwitch = page.getByRole('switch', { name: 'Leave this app out of analytics' });
    await appSwitch.click();
    await page.getByText('acme-app is left out of analytics').waitFor();
    await expect.poll(async () => (await t.db.app.findUniqueOrThrow({ where: { slug: 'acme-app' } })).excludedFromAnalytics, { timeout: 10_000 }).toBe(true);

    const keySwitch = page.getByRole('switch', { name: 'Leave key tg_test_q7Rk… out of analytics' });
    await keySwitch.click();
    await page.getByText('Key tg_test_q7Rk… is left out of analytics').waitFor();
    await expect.poll(async () => (await t.db.apiKey.findFirstOrThrow({ where: { prefix: 'tg_test_q7Rk' } })).excludedFromAnalytics, { timeout: 10_000 }).toBe(true);
    await page.reload();
    expect(await page.getByRole('switch', { name: 'Leave this app out of analytics' }).getAttribute('aria-checked')).toBe('true');
    expect(await page.getByRole('switch', { name: 'Leave key tg_test_q7Rk… out of analytics' }).getAttribute('aria-checked')).toBe('true');
    await shot(page, 'console-app-excluded-light-desktop');
  }, 120_000);

  it('has no serious accessibility violations and fits a phone; screenshots light and dark, desktop and phone', async () => {
    const found = await problemsInEveryLook(browser, { desktop: DESKTOP, storageState: await desktop.storageState() }, async ({ page: view, check, shot }) => {
      await view.goto(`${portal.url}/admin/alerts`);
      await view.getByRole('heading', { level: 1, name: 'Alerts', exact: true }).waitFor();
      await view.getByRole('table').first().waitFor();
      await check('alerts');
      await shot('console-alerts');
      await view.waitForLoadState('networkidle');
      const dialog = await openDialog(view, 'New alert', 'New alert');
      await check('alert form');
      await shot('console-alerts-form');
      await dialog.press('Escape');
      await view.goto(`${portal.url}/admin/apps/acme-app`);
      await view.getByRole('switch', { name: 'Leave this app out of analytics' }).waitFor();
      await check('app');
      await shot('console-app-exclusion');
    });
    expect(found).toEqual([]);
  }, 300_000);
});
