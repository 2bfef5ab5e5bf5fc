/// <reference lib="dom" />
// A route's backend in the console, in a real browser: an aggregate of two calls (one
// optional) with the schema's and the server's errors inline on the call they name, saved
// and shown again; a gRPC method whose .proto the server refuses inline, then loads from a
// file; a SOAP operation; back to proxy. axe on the open dialog, screenshots light, dark and
// phone. The saved aggregate answers through a real gateway from a real upstream.
import path from 'node:path';
import { useTestDatabase } from '@tollgate/db/testing';
import { hashPassword } from '@tollgate/domain';
import { createApi, runOperation, type Principal } from '@tollgate/operations';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../apps/gateway/src/start-gateway';
import { startTestGateway } from '../../apps/gateway/src/testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../../apps/gateway/src/testing/test-upstream';
import type { RunningPortal } from '../support/portal';
import { type ConsoleSession, openConsoleSession, openDialog, SCREENSHOTS, seriousViolations } from './console-page';
import { chromiumAvailable } from './launch-chromium';

const ADMIN = { email: 'rue@example.com', password: 'route backends password 1' };
const DESKTOP = { width: 1280, height: 900 };
// Tall enough that the whole dialog (90% of the height at most) is in its screenshot.
const TALL_DESKTOP = { width: 1280, height: 2400 };
const TALL_PHONE = { width: 390, height: 3400 };
const PROTO = `syntax = "proto3";
package shop.v1;
message GetItemRequest { string id = 1; }
message Item { string id = 1; string name = 2; }
service Items { rpc GetItem(GetItemRequest) returns (Item); }
`;

const t = useTestDatabase();

async function seed(upstreamUrl: string): Promise<void> {
  const admin = await t.db.user.create({ data: { email: ADMIN.email, name: 'Rue Admin', role: 'admin', passwordHash: await hashPassword(ADMIN.password) } });
  const rue: Principal = { kind: 'user', id: admin.id, label: admin.email, role: 'admin' };
  const upstream = { targets: [{ url: upstreamUrl, weight: 1 }] };
  await runOperation(t.db, rue, createApi, { slug: 'weather', name: 'Weather', basePath: '/weather', status: 'published', upstream });
  await runOperation(t.db, rue, createApi, { slug: 'alerts', name: 'Alerts', basePath: '/alerts', status: 'published', upstream });
}

/** A text field by its accessible name, which leaves out the required mark. */
const textbox = (scope: Locator, name: string) => scope.getByRole('textbox', { name, exact: true });

const storedBackend = async (path: string) => ((await t.db.route.findFirstOrThrow({ where: { path } })).policies as { backend?: unknown }).backend;

/** Picks an entry of one of the UI kit's selects (Radix: a combobox, then an option in a portal). */
async function choose(page: Page, scope: Page | Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

describe.skipIf(!chromiumAvailable())('console: route backends in a browser', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  let session: ConsoleSession | undefined;
  let upstream: TestUpstream | undefined;
  let gateway: RunningGateway | undefined;

  beforeAll(async () => {
    upstream = await startTestUpstream();
    await seed(upstream.url);
    session = await openConsoleSession(t.url, ADMIN, { viewport: DESKTOP, defaultTimeoutMs: 10_000 });
    ({ portal, browser, desktop, page } = session);
    gateway = await startTestGateway(t.url);
  }, 600_000);

  afterAll(async () => {
    await gateway?.close();
    await session?.close();
    await upstream?.close();
  });

  const routesTable = () => page.getByRole('table', { name: 'Routes of weather' });
  const editRoute = async (key: string) => {
    await page.goto(`${portal.url}/admin/apis/weather`);
    return openDialog(page, `Edit ${key}`, `Edit ${key}`);
  };

  it('adds an aggregate of two calls, with a bad placeholder and an unknown API shown on their fields', { timeout: 90_000 }, async () => {
    await page.goto(`${portal.url}/admin/apis/weather`);
    const dialog = await openDialog(page, 'Add route', 'Add route');
    await textbox(dialog, 'Path').fill('/overview/{city}');
    await choose(page, dialog, 'Authentication', 'none');
    await choose(page, dialog, 'Kind', 'Aggregate calls');
    const first = dialog.getByRole('group', { name: 'Call 1' });
    await textbox(first, 'Name').fill('forecast');
    await textbox(first, 'Path').fill('/forecast/{city}');
    await textbox(first, 'Path').blur();
    await first.getByText('path "{city}" is not a placeholder: use {params.NAME}, {query.NAME} or {consumer.id}').waitFor();
    await textbox(first, 'Path').fill('/forecast/{params.town}');
    await dialog.getByRole('button', { name: 'Add route', exact: true }).click();
    await first.getByText("{params.town} is not a parameter of the route's path /overview/{city}").waitFor();
    await textbox(first, 'Path').fill('/forecast/{params.city}');
    await first.getByRole('button', { name: 'Add query parameter' }).click();
    await first.getByLabel('Query parameter 1 name').fill('units');
    await first.getByLabel('Query parameter 1 value').fill('{query.units}');

    await dialog.getByRole('button', { name: 'Add call' }).click();
    const second = dialog.getByRole('group', { name: 'Call 2' });
    await textbox(second, 'Name').fill('warnings');
    await textbox(second, 'Upstream API').fill('nowhere');
    await textbox(second, 'Path').fill('/active');
    await second.getByLabel('Timeout (ms)').fill('800');
    await second.getByRole('switch', { name: 'Optional' }).click();
    await dialog.getByRole('button', { name: 'Add route', exact: true }).click();
    await second.getByText('unknown api "nowhere"').waitFor();
    expect(await textbox(second, 'Upstream API').getAttribute('aria-invalid')).toBe('true');
    await second.screenshot({ path: path.join(SCREENSHOTS, 'console-route-backends-call-error-light-desktop.png') });
    expect(await t.db.route.count()).toBe(0);

    await textbox(second, 'Upstream API').fill('alerts');
    await dialog.getByRole('button', { name: 'Add route', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await routesTable().getByRole('row', { name: /\/overview\/\{city\}.*aggregate/ }).waitFor();
    expect(await storedBackend('/overview/{city}')).toEqual({
      kind: 'aggregate',
      calls: [
        { name: 'forecast', path: '/forecast/{params.city}', query: { units: '{query.units}' }, optional: false },
        { name: 'warnings', upstream: 'alerts', path: '/active', query: {}, timeoutMs: 800, optional: true },
      ],
    });
  });

  it('shows the saved aggregate again when the route is opened', async () => {
    const dialog = await editRoute('GET /overview/{city}');
    expect(await dialog.getByRole('combobox', { name: 'Kind' }).textContent()).toBe('Aggregate calls');
    const first = dialog.getByRole('group', { name: 'Call 1' });
    const second = dialog.getByRole('group', { name: 'Call 2' });
    expect(await textbox(first, 'Path').inputValue()).toBe('/forecast/{params.city}');
    expect(await first.getByLabel('Query parameter 1 name').inputValue()).toBe('units');
    expect(await first.getByLabel('Query parameter 1 value').inputValue()).toBe('{query.units}');
    expect(await first.getByRole('switch', { name: 'Optional' }).getAttribute('aria-checked')).toBe('false');
    expect(await textbox(second, 'Upstream API').inputValue()).toBe('alerts');
    expect(await second.getByLabel('Timeout (ms)').inputValue()).toBe('800');
    expect(await second.getByRole('switch', { name: 'Optional' }).getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('Escape');
  });

  it('refuses a .proto that does not parse and a method the service lacks, on their fields, then saves a gRPC route', async () => {
    await page.goto(`${portal.url}/admin/apis/weather`);
    const dialog = await openDialog(page, 'Add route', 'Add route');
    await textbox(dialog, 'Path').fill('/items/{id}');
    await choose(page, dialog, 'Kind', 'gRPC method');
    await textbox(dialog, '.proto').fill('syntax = "proto3"; message {');
    await textbox(dialog, 'Service').fill('shop.v1.Items');
    await textbox(dialog, 'Method').fill('GetItem');
    await dialog.getByRole('button', { name: 'Add route', exact: true }).click();
    await dialog.getByText(/^does not parse/).waitFor();
    expect(await textbox(dialog, '.proto').getAttribute('aria-invalid')).toBe('true');
    await dialog.screenshot({ path: path.join(SCREENSHOTS, 'console-route-backends-grpc-error-light-desktop.png') });

    await dialog.getByLabel('Load .proto file').setInputFiles({ name: 'items.proto', mimeType: 'text/plain', buffer: Buffer.from(PROTO) });
    await expect.poll(() => textbox(dialog, '.proto').inputValue()).toBe(PROTO);
    await textbox(dialog, 'Method').fill('DeleteItem');
    await dialog.getByRole('button', { name: 'Add route', exact: true }).click();
    await dialog.getByText('service shop.v1.Items has no method DeleteItem').waitFor();
    expect(await t.db.route.count({ where: { path: '/items/{id}' } })).toBe(0);

    await textbox(dialog, 'Method').fill('GetItem');
    await dialog.getByRole('button', { name: 'Add route', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await routesTable().getByRole('row', { name: /\/items\/\{id\}.*gRPC/ }).waitFor();
    expect(await storedBackend('/items/{id}')).toEqual({ kind: 'grpc', proto: PROTO, service: 'shop.v1.Items', method: 'GetItem' });
  });

  it('adds a SOAP 1.2 route', async () => {
    await page.goto(`${portal.url}/admin/apis/weather`);
    const dialog = await openDialog(page, 'Add route', 'Add route');
    await textbox(dialog, 'Path').fill('/soap/forecast/{city}');
    await choose(page, dialog, 'Kind', 'SOAP operation');
    await choose(page, dialog, 'SOAP version', 'SOAP 1.2 (application/soap+xml)');
    await textbox(dialog, 'Operation').fill('GetForecast');
    await textbox(dialog, 'Namespace').fill('urn:example:weather');
    await dialog.getByRole('button', { name: 'Add route', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await routesTable().getByRole('row', { name: /\/soap\/forecast\/\{city\}.*SOAP/ }).waitFor();
    expect(await storedBackend('/soap/forecast/{city}')).toEqual({ kind: 'soap', version: '1.2', operation: 'GetForecast', namespace: 'urn:example:weather' });
  });

  it('has no serious accessibility violations in the open dialog, screenshot light, dark and phone', async () => {
    for (const [name, viewport, colorScheme] of [
      ['light-desktop', TALL_DESKTOP, 'light'],
      ['dark-desktop', TALL_DESKTOP, 'dark'],
      ['light-phone', TALL_PHONE, 'light'],
    ] as const) {
      const context = await browser.newContext({ viewport, colorScheme, bypassCSP: true, storageState: await desktop.storageState() });
      await context.addInitScript((theme) => window.localStorage.setItem('theme', theme), colorScheme);
      const view = await context.newPage();
      await view.goto(`${portal.url}/admin/apis/weather`);
      const dialog = await openDialog(view, 'Edit GET /overview/{city}', 'Edit GET /overview/{city}');
      await dialog.getByRole('group', { name: 'Call 2' }).waitFor();
      expect(await seriousViolations(view), name).toEqual([]);
      if (viewport === TALL_PHONE) expect(await dialog.evaluate((element) => element.scrollWidth <= element.clientWidth && element.getBoundingClientRect().right <= 390), 'the dialog fits a phone').toBe(true);
      await dialog.screenshot({ path: path.join(SCREENSHOTS, `console-route-backends-dialog-${name}.png`) });
      await view.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      const routes = view.getByRole('region', { name: 'Routes of weather' });
      // Closing the dialog focuses its Edit button, which scrolls a phone's table to its right end.
      await routes.evaluate((element) => element.scrollTo({ left: 0 }));
      await routes.screenshot({ path: path.join(SCREENSHOTS, `console-route-backends-table-${name}.png`) });
      await context.close();
    }
  }, 300_000);

  it('answers the saved aggregate through the gateway, both calls merged', async () => {
    const call = async () => {
      const response = await fetch(`${gateway!.url}/weather/overview/paris?units=metric`);
      return response.status === 200 ? ((await response.json()) as Record<string, { url?: string } | null>) : null;
    };
    await expect.poll(call, { timeout: 15_000 }).not.toBeNull();
    const answer = (await call())!;
    expect(answer.forecast?.url).toBe('/forecast/paris?units=metric');
    expect(answer.warnings?.url).toBe('/active');
  });

  it('sets an aggregate route back to proxy, which removes its backend', async () => {
    const dialog = await editRoute('GET /overview/{city}');
    await choose(page, dialog, 'Kind', 'Proxy to the upstream (default)');
    expect(await dialog.getByRole('group', { name: 'Call 1' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Save route' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => storedBackend('/overview/{city}')).toBeUndefined();
    await expect.poll(() => routesTable().getByRole('row', { name: /\/overview\/\{city\}.*aggregate/ }).count()).toBe(0);
  });
});
