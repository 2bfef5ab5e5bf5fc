// Sign-in through an identity provider, in a real browser against the production build: a real
// OpenID Connect provider (oidc-provider) started here, its login and consent pages, the account
// and team made on the first sign-in and found again by the provider's subject; an address that
// belongs to a password account is not taken over; an unverified address is refused. GitHub
// cannot be reached offline: its button and the authorization request it starts are checked.
import { hashPassword } from '@tollgate/domain';
import { useTestDatabase } from '@tollgate/db/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../setup/services';
import { startOpenIdProvider, type RunningOpenIdProvider } from '../support/openid-provider';
import { startPortal, type RunningPortal } from '../support/portal';
import { problemsInEveryLook } from './every-look';
import { chromiumAvailable, launchChromium } from './launch-chromium';

const DESKTOP = { width: 1280, height: 900 };
const PASSWORD_HOLDER = { email: 'grace@example.com', password: 'compilers-and-cobol-1952' };
const ACCOUNTS = {
  ada: { email: 'ada@example.com', email_verified: true, name: 'Ada Lovelace' },
  impostor: { email: PASSWORD_HOLDER.email, email_verified: true, name: 'Not Grace' },
  unverified: { email: 'maybe@example.com', email_verified: false, name: 'Maybe Someone' },
};
const SSO_BUTTON = 'Continue with single sign-on';

const t = useTestDatabase();

/** Clicks a provider button until the page leaves the portal (a click before hydration does nothing). */
async function clickUntilAway(page: Page, button: string, portalUrl: string): Promise<void> {
  for (let attempt = 0; attempt < 40 && page.url().startsWith(portalUrl); attempt += 1) {
    await page.getByRole('button', { name: button }).click({ timeout: 2_000 }).catch(() => undefined);
    await page.waitForURL((url) => !url.href.startsWith(portalUrl), { timeout: 1_000 }).catch(() => undefined);
  }
}

/** At the provider: log in as `login`, consent when asked, and wait to be back at the portal. */
async function logInAtProvider(page: Page, provider: RunningOpenIdProvider, portal: RunningPortal, login: keyof typeof ACCOUNTS): Promise<void> {
  await page.waitForURL((url) => url.href.startsWith(provider.issuer));
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  const consent = page.getByRole('button', { name: 'Continue' });
  await Promise.race([consent.waitFor(), page.waitForURL((url) => url.href.startsWith(portal.url))]);
  if (await consent.isVisible()) await consent.click();
  await page.waitForURL((url) => url.href.startsWith(portal.url));
}

async function signInWithProvider(browser: Browser, portal: RunningPortal, provider: RunningOpenIdProvider, login: keyof typeof ACCOUNTS): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP });
  // Only the portal and the provider answer (the provider's pages ask for web fonts).
  await context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${portal.url}/signin?callbackUrl=${encodeURIComponent('/team')}`);
  await clickUntilAway(page, SSO_BUTTON, portal.url);
  await logInAtProvider(page, provider, portal, login);
  return page;
}

describe.skipIf(!chromiumAvailable())('sign-in through an identity provider', () => {
  let portal: RunningPortal;
  let provider: RunningOpenIdProvider;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    const portalUrl = `http://127.0.0.1:${port}`;
    provider = await startOpenIdProvider({ redirectUri: `${portalUrl}/api/auth/callback/oidc`, accounts: ACCOUNTS });
    portal = await startPortal({
      databaseUrl: t.url,
      port,
      env: {
        NEXTAUTH_URL: portalUrl,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        GITHUB_ID: 'github-client-id',
        GITHUB_SECRET: 'github-client-secret',
      },
    });
    browser = await launchChromium();
    await t.db.user.create({ data: { email: PASSWORD_HOLDER.email, name: 'Grace Hopper', role: 'developer', passwordHash: await hashPassword(PASSWORD_HOLDER.password), emailVerifiedAt: new Date() } });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await provider?.stop();
  });

  it('signs a newcomer in through the OpenID provider with a team of their own, and finds the same account the next time', async () => {
    const page = await signInWithProvider(browser, portal, provider, 'ada');
    await page.waitForURL(`${portal.url}/team`);
    await page.getByRole('region', { name: 'Ada Lovelace', exact: true }).getByText('You are an owner').waitFor();
    const user = await t.db.user.findUniqueOrThrow({ where: { email: 'ada@example.com' }, include: { externalIdentities: true, memberships: { include: { team: true } } } });
    expect(user).toMatchObject({ role: 'developer', passwordHash: '', name: 'Ada Lovelace' });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(user.externalIdentities.map((row) => [row.provider, row.subject])).toEqual([['oidc', 'ada']]);
    expect(user.memberships.map((row) => [row.role, row.team.name])).toEqual([['owner', 'Ada Lovelace']]);
    await page.context().close();

    const again = await signInWithProvider(browser, portal, provider, 'ada');
    await again.waitForURL(`${portal.url}/team`);
    await again.getByRole('region', { name: 'Ada Lovelace', exact: true }).getByText('You are an owner').waitFor();
    expect(await t.db.user.count({ where: { email: 'ada@example.com' } })).toBe(1);
    expect(await t.db.teamMember.count({ where: { userId: user.id } })).toBe(1);
    expect(await t.db.externalIdentity.count({ where: { userId: user.id } })).toBe(1);
    await again.context().close();
  }, 180_000);

  it('does not hand a password account to a provider that reports its address, and refuses an unverified address', async () => {
    const page = await signInWithProvider(browser, portal, provider, 'impostor');
    await page.getByText('An account with this email address already exists').waitFor();
    expect(new URL(page.url()).pathname).toBe('/signin');
    const grace = await t.db.user.findUniqueOrThrow({ where: { email: PASSWORD_HOLDER.email }, include: { externalIdentities: true } });
    expect(grace.externalIdentities).toEqual([]);
    await page.goto(`${portal.url}/team`);
    await page.waitForURL((url) => url.pathname === '/signin');
    await page.getByLabel('Email', { exact: true }).fill(PASSWORD_HOLDER.email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD_HOLDER.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${portal.url}/team`);
    await page.context().close();

    const unverified = await signInWithProvider(browser, portal, provider, 'unverified');
    await unverified.getByText('did not share a verified email address').waitFor();
    expect(await t.db.user.count({ where: { email: 'maybe@example.com' } })).toBe(0);
    await unverified.context().close();
  }, 180_000);

  it('offers GitHub when configured and sends the browser to GitHub with the portal’s client and callback', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    let authorize: URL | undefined;
    await context.route('https://github.com/**', async (route) => {
      authorize = new URL(route.request().url());
      await route.abort();
    });
    const page = await context.newPage();
    await page.goto(`${portal.url}/signin`);
    for (let attempt = 0; attempt < 40 && !authorize; attempt += 1) {
      await page.getByRole('button', { name: 'Continue with GitHub' }).click();
      await expect.poll(() => authorize, { timeout: 500 }).toBeDefined().catch(() => undefined);
    }
    expect(authorize?.origin + authorize!.pathname).toBe('https://github.com/login/oauth/authorize');
    expect(Object.fromEntries(authorize!.searchParams)).toMatchObject({
      client_id: 'github-client-id',
      scope: 'read:user user:email',
      response_type: 'code',
      redirect_uri: `${portal.url}/api/auth/callback/github`,
    });
    expect(authorize!.searchParams.get('state')).toBeTruthy();
    await context.close();
  }, 120_000);

  it('shows the provider buttons without serious accessibility violations, light and dark, desktop and phone', async () => {
    const found = await problemsInEveryLook(browser, { desktop: DESKTOP }, async ({ page: view, check, shot }) => {
      await view.goto(`${portal.url}/signin?error=ExternalAccountExists`);
      await view.getByRole('button', { name: SSO_BUTTON }).waitFor();
      await view.getByRole('button', { name: 'Continue with GitHub' }).waitFor();
      await check('signin');
      await shot('portal-signin-providers');
    });
    expect(found).toEqual([]);
  }, 180_000);
});
