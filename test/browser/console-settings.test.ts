/// <reference lib="dom" />
// The console's settings in a real browser: an admin token created and shown once, then
// revoked; a dead webhook delivery replayed; JWT issuers and admin users listed; an axe check
// and screenshots of each settings page, light and dark, desktop and phone.
import { useTestDatabase } from '@tollgate/db/testing';
import { hashPassword } from '@tollgate/domain';
import { createApi, createJwtIssuer, runOperation, type Principal } from '@tollgate/operations';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPortal } from '../support/portal';
import { type ConsoleSession, openConsoleSession, openDialog, shot, signInToConsole, clickUntil } from './console-page';
import { problemsInEveryLook } from './every-look';
import { chromiumAvailable } from './launch-chromium';

const OWNER = { email: 'lin@example.com', password: 'console settings password 1' };
const DESKTOP = { width: 1280, height: 860 };
const HOOK_URL = 'https://93.184.215.14/tollgate-hooks';

const t = useTestDatabase();
let webhookId = '';
let deadId = '';

async function seed(): Promise<void> {
  const owner = await t.db.user.create({ data: { email: OWNER.email, name: 'Lin Owner', role: 'owner', passwordHash: await hashPassword(OWNER.password) } });
  await t.db.user.create({ data: { email: 'val@example.com', name: 'Val Viewer', role: 'viewer', passwordHash: await hashPassword('viewer password 1') } });
  const lin: Principal = { kind: 'user', id: owner.id, label: owner.email, role: 'owner' };
  await runOperation(t.db, lin, createApi, { slug: 'weather', name: 'Weather', basePath: '/weather' });
  const team = await t.db.team.create({ data: { slug: 'acme', name: 'Acme' } });
  await t.db.app.create({ data: { slug: 'acme-app', name: 'Acme App', teamId: team.id } });
  await runOperation(t.db, lin, createJwtIssuer, { api: 'weather', issuer: 'https://id.example.com/', audience: ['weather-api'], jwksUrl: 'https://id.example.com/jwks.json', clients: [{ subject: 'svc-1', app: 'acme-app' }] });
  // The webhook and its log are stored directly: no worker runs here, so nothing is sent to the address.
  const hook = await t.db.webhook.create({ data: { url: HOOK_URL, secret: 'whsec_browser', eventTypes: [] } });
  webhookId = hook.id;
  const event = (id: string) => ({ specversion: '1.0', id, type: 'dev.tollgate.usage.recorded', source: 'tollgate', data: {} });
  const base = Date.now() - 3_600_000;
  deadId = (
    await t.db.webhookDelivery.create({
      data: { webhookId: hook.id, recordId: 'rec-dead-1', eventType: 'dev.tollgate.usage.recorded', payload: event('rec-dead-1'), status: 'dead', attempts: 12, lastError: 'HTTP 503 upstream unavailable', createdAt: new Date(base) },
    })
  ).id;
  await t.db.webhookDelivery.create({
    data: { webhookId: hook.id, recordId: 'rec-ok-2', eventType: 'dev.tollgate.usage.recorded', payload: event('rec-ok-2'), status: 'delivered', attempts: 1, deliveredAt: new Date(base + 60_000), createdAt: new Date(base + 60_000) },
  });
}


const adminApi = (portal: RunningPortal, token: string) => fetch(`${portal.url}/api/admin/v1/admin-tokens`, { headers: { authorization: `Bearer ${token}` } });

describe.skipIf(!chromiumAvailable())('the console settings in a browser', () => {
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

  it('creates an admin token that is shown once and works, then revokes it after confirmation', async () => {
    await page.goto(`${portal.url}/admin/admin-tokens`);
    const dialog = await openDialog(page, 'New token', 'New admin token');
    await dialog.getByLabel('Name').fill('browser deploy');
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByRole('dialog', { name: 'Token browser deploy' });
    const token = (await shown.getByLabel('Admin token', { exact: true }).textContent())!.trim();
    expect(token).toMatch(/^tga_[A-Za-z0-9_-]{43}$/);
    await expect(shown.getByText('you will not see it again').isVisible()).resolves.toBe(true);
    await expect(shown.getByRole('button', { name: 'Copy admin token' }).isVisible()).resolves.toBe(true);
    await shot(page, 'console-admin-token-created-light-desktop');
    expect((await adminApi(portal, token)).status).toBe(200);
    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'hidden' });
    const table = page.getByRole('table', { name: 'Admin tokens' });
    await table.getByRole('cell', { name: 'browser deploy', exact: true }).waitFor();
    expect(await page.content()).not.toContain(token);
    await page.reload();
    expect(await page.content()).not.toContain(token);

    const confirm = page.getByRole('alertdialog', { name: 'Revoke token browser deploy?' });
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Revoke token browser deploy' }).click();
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Revoke token' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByRole('row', { name: /browser deploy/ }).getByText('revoked').waitFor();
    expect((await adminApi(portal, token)).status).toBe(401);
    const audit = await t.db.auditLog.findMany({ where: { resourceType: 'admin_token', actorLabel: OWNER.email }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => entry.action)).toEqual(['admin_tokens.create', 'admin_tokens.revoke']);
  }, 120_000);

  it('replays a dead webhook delivery from the delivery log', async () => {
    await page.goto(`${portal.url}/admin/webhooks`);
    await page.getByRole('row', { name: new RegExp(HOOK_URL) }).getByText('1 dead').waitFor();
    // Short tries: on a busy run the table re-renders under the pointer and a single click can wait out the whole test.
    await clickUntil(page, () => page.getByRole('link', { name: HOOK_URL }).click({ timeout: 2_000 }).catch(() => undefined), async () => page.url().endsWith(`/admin/webhooks/${webhookId}`));
    await page.waitForURL(`${portal.url}/admin/webhooks/${webhookId}`);
    const dead = page.getByRole('row', { name: /rec-dead-1/ });
    await dead.getByText('dead letter').waitFor();
    await expect(dead.getByText('HTTP 503', { exact: true }).isVisible()).resolves.toBe(true);
    await page.waitForLoadState('networkidle');
    await dead.getByRole('button', { name: 'Replay delivery rec-dead-1' }).click();
    await page.getByText('Delivery queued again').waitFor();
    await dead.getByText('pending').waitFor();
    await expect(dead.getByRole('button', { name: 'Replay delivery rec-dead-1' }).count()).resolves.toBe(0);
    expect(await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: deadId } })).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { resourceId: deadId } });
    expect(entry).toMatchObject({ action: 'webhooks.deliveries.replay', actorLabel: OWNER.email });
  }, 120_000);

  it('adds a JWT issuer through its form, first showing the contract\'s refusal on the field', async () => {
    await page.goto(`${portal.url}/admin/jwt-issuers`);
    const dialog = await openDialog(page, 'New issuer', 'New JWT issuer');
    await dialog.getByLabel('Issuer (iss)').fill('https://login.example.org/');
    await dialog.getByLabel('Audience (aud)').fill('weather-api, maps-api');
    const jwks = dialog.getByRole('textbox', { name: 'JWKS URL' });
    await jwks.fill('http://idp.internal/jwks');
    await dialog.getByLabel('Clients').fill('svc-9 acme-app');
    await dialog.getByRole('button', { name: 'Add issuer' }).click();
    await dialog.getByText('must be https (http only for 127.0.0.1 or localhost, in tests)').waitFor();
    expect(await jwks.getAttribute('aria-invalid')).toBe('true');
    await jwks.fill('https://login.example.org/jwks.json');
    await dialog.getByRole('button', { name: 'Add issuer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'https://login.example.org/', exact: true }).waitFor();
    const row = await t.db.jwtIssuer.findFirstOrThrow({ where: { issuer: 'https://login.example.org/' }, include: { clients: true } });
    expect(row).toMatchObject({ audience: ['weather-api', 'maps-api'], jwksUrl: 'https://login.example.org/jwks.json', algorithms: ['RS256', 'ES256'] });
    expect(row.clients.map((client) => client.subject)).toEqual(['svc-9']);
  }, 120_000);

  it('adds an admin user with a temporary password, shown once, that signs in', async () => {
    await page.goto(`${portal.url}/admin/admin-users`);
    const dialog = await openDialog(page, 'Add admin user', 'Add an admin user');
    await dialog.getByLabel('Email').fill('kim@example.com');
    await dialog.getByLabel('Name').fill('Kim Viewer');
    await dialog.getByRole('button', { name: 'Add admin user' }).click();
    const shown = page.getByRole('dialog', { name: 'Temporary password for kim@example.com' });
    const password = (await shown.getByLabel('Temporary password', { exact: true }).textContent())!.trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    await shown.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('cell', { name: 'kim@example.com', exact: true }).waitFor();
    expect(await page.content()).not.toContain(password);
    const context = await browser.newContext();
    const kim = await context.newPage();
    await signInToConsole(kim, portal.url, { email: 'kim@example.com', password });
    await kim.getByRole('heading', { level: 1 }).waitFor();
    await context.close();
  }, 120_000);

  it('has no serious accessibility violations and fits a phone; screenshots light and dark, desktop and phone', async () => {
    const pages = [
      { path: '/admin/admin-tokens', heading: 'Admin tokens', name: 'admin-tokens' },
      { path: '/admin/webhooks', heading: 'Webhooks', name: 'webhooks' },
      { path: `/admin/webhooks/${webhookId}`, heading: 'Webhook', name: 'webhook-detail' },
      { path: '/admin/jwt-issuers', heading: 'JWT issuers', name: 'jwt-issuers' },
      { path: '/admin/admin-users', heading: 'Admin users', name: 'admin-users' },
    ];
    const state = await desktop.storageState();
    const found = await problemsInEveryLook(browser, { desktop: DESKTOP, storageState: state }, async ({ page: view, check, shot }) => {
      for (const target of pages) {
        await view.goto(`${portal.url}${target.path}`);
        await view.getByRole('heading', { level: 1, name: target.heading, exact: true }).waitFor();
        await view.getByRole('table').first().waitFor();
        await check(target.name);
        await shot(`console-${target.name}`);
      }
    });
    expect(found).toEqual([]);
  }, 300_000);
});
