// Accounts in a real browser against the production build: a stranger signs up, confirms the
// address from the mail in the outbox, signs in, finds their team and invites someone; a
// forgotten password is reset from its mail. Axe and screenshots of /signup and /team.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useTestDatabase } from '@tollgate/db/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForMailLink } from '../support/mail-outbox';
import { startPortal, type RunningPortal } from '../support/portal';
import { openDialog } from './console-page';
import { problemsInEveryLook } from './every-look';
import { chromiumAvailable, launchChromium } from './launch-chromium';

const DESKTOP = { width: 1280, height: 900 };
const STRANGER = { name: 'Grace Hopper', email: 'grace@example.com', password: 'compilers-and-cobol-1952' };
const ADMIN_TOKEN = 'accounts-browser-test-admin-token-0123456789';

const t = useTestDatabase();

async function signIn(page: Page, portal: RunningPortal, who: { email: string; password: string }, callbackUrl = '/team') {
  await page.goto(`${portal.url}/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel('Email', { exact: true }).fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}


describe.skipIf(!chromiumAvailable())('accounts in the developer portal', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let outbox: string;
  let signedIn: BrowserContext;

  beforeAll(async () => {
    outbox = mkdtempSync(path.join(tmpdir(), 'tollgate-outbox-'));
    portal = await startPortal({ databaseUrl: t.url, env: { MAIL_OUTBOX_DIR: outbox, ADMIN_TOKEN } });
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    if (outbox) rmSync(outbox, { recursive: true, force: true });
  });

  it('signs a stranger up, holds sign-in until the mailed link is followed, then shows their team and sends an invite', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`${portal.url}/signup`);
    await page.getByLabel('Name').fill(STRANGER.name);
    await page.getByLabel('Email').fill(STRANGER.email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByText('must be at least 12 characters').isVisible()).toBe(true);
    await page.getByLabel('Password').fill(STRANGER.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Check your inbox').waitFor();

    const verifyLink = await waitForMailLink(outbox, STRANGER.email, 'Confirm your email address');
    expect(new URL(verifyLink).origin).toBe(portal.url);
    expect(portal.output()).toContain(`mail to ${STRANGER.email}: Confirm your email address ${verifyLink}`);

    await signIn(page, portal, STRANGER);
    await page.getByText('Confirm your email address first').waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Send the link again' }).isVisible()).toBe(true);

    await page.goto(verifyLink);
    await page.getByRole('heading', { name: 'Email confirmed' }).waitFor();
    await page.goto(verifyLink);
    await page.getByText('This link was already used').waitFor();

    await signIn(page, portal, STRANGER);
    await page.waitForURL(`${portal.url}/team`);
    const team = page.getByRole('region', { name: STRANGER.name, exact: true });
    await team.getByText('You are an owner').waitFor();
    await expect.poll(() => team.getByRole('cell', { name: /grace@example\.com/ }).isVisible()).toBe(true);

    const dialog = await openDialog(page, 'Invite', `Invite to ${STRANGER.name}`);
    await dialog.getByLabel('Email').fill('colleague@example.com');
    await dialog.getByRole('button', { name: 'Send invite' }).click();
    await page.getByText('Invites waiting').waitFor();
    await expect.poll(() => team.getByText('colleague@example.com').isVisible()).toBe(true);
    const inviteLink = await waitForMailLink(outbox, 'colleague@example.com', `Join ${STRANGER.name}`);
    expect(new URL(inviteLink).pathname).toBe('/invite');
    signedIn = context;

    // The invited stranger signs up from the link and lands in the same team.
    const other = await browser.newContext({ viewport: DESKTOP });
    const invited = await other.newPage();
    await invited.goto(inviteLink);
    await invited.getByRole('link', { name: 'Create an account' }).click();
    await invited.getByLabel('Name').fill('Cole League');
    await expect.poll(() => invited.getByLabel('Email').inputValue()).toBe('colleague@example.com');
    await invited.getByLabel('Password').fill('a-long-colleague-passphrase');
    await invited.getByRole('button', { name: 'Create account' }).click();
    await invited.getByText(`you joined ${STRANGER.name}`).waitFor();
    await signIn(invited, portal, { email: 'colleague@example.com', password: 'a-long-colleague-passphrase' });
    await invited.waitForURL(`${portal.url}/team`);
    await invited.getByRole('region', { name: STRANGER.name, exact: true }).getByText('You are a member').waitFor();
    await other.close();
  }, 180_000);

  it('resets a forgotten password from the mailed link, once', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`${portal.url}/forgot-password`);
    await page.getByLabel('Email').fill(STRANGER.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText('a link to choose a new password is on its way').waitFor();
    const resetLink = await waitForMailLink(outbox, STRANGER.email, 'Reset your password');

    await page.goto(resetLink);
    await page.getByLabel(/^New password/).fill(STRANGER.email);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('must not be your email address').waitFor();
    await page.getByLabel(/^New password/).fill('an-entirely-new-passphrase');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('Your password is changed').waitFor();

    await page.goto(resetLink);
    await page.getByLabel(/^New password/).fill('yet-another-passphrase-9');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('This link was already used').waitFor();

    await signIn(page, portal, STRANGER);
    await page.getByText('Wrong email or password').waitFor();
    await signIn(page, portal, { email: STRANGER.email, password: 'an-entirely-new-passphrase' });
    await page.waitForURL(`${portal.url}/team`);
    await context.close();
  }, 120_000);

  it('opens a session once from an admin-minted sign-in link and lands on its redirect', async () => {
    const team = await t.db.team.findFirstOrThrow({ where: { members: { some: { user: { email: STRANGER.email }, role: 'owner' } } } });
    const response = await fetch(`${portal.url}/api/admin/v1/teams/${team.slug}/sign-in-links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: STRANGER.email, ttlSeconds: 120, redirectTo: '/team' }),
    });
    expect(response.status).toBe(201);
    const { url } = (await response.json()) as { url: string };
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(url);
    expect(new URL(url).origin).toBe(portal.url);
    await page.waitForURL(`${portal.url}/team`);
    await page.getByRole('region', { name: STRANGER.name, exact: true }).getByText('You are an owner').waitFor();
    await context.close();

    const second = await browser.newContext({ viewport: DESKTOP });
    const again = await second.newPage();
    await again.goto(url);
    await again.getByText('This sign-in link was already used').waitFor();
    await second.close();
  }, 120_000);

  it('has no serious accessibility violations on /signin, /signup and /team and fits a phone; screenshots light and dark', async () => {
    const state = await signedIn.storageState();
    await signedIn.close();
    // An admin marks the team a partner; the team page shows the badge.
    await t.db.team.updateMany({ where: { members: { some: { user: { email: STRANGER.email }, role: 'owner' } } }, data: { partner: true } });
    const accountPages = await problemsInEveryLook(browser, { desktop: DESKTOP }, async ({ page: view, check, shot }) => {
      for (const [name, heading] of [['signin', 'Sign in'], ['signup', 'Create an account']] as const) {
        await view.goto(`${portal.url}/${name}`);
        await view.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
        await check(name);
        await shot(`portal-${name}`);
      }
    });
    const teamPage = await problemsInEveryLook(browser, { desktop: DESKTOP, storageState: state }, async ({ page: view, check, shot }) => {
      await view.goto(`${portal.url}/team`);
      await view.getByRole('heading', { level: 1, name: 'Team', exact: true }).waitFor();
      await view.getByRole('region', { name: STRANGER.name, exact: true }).getByText('Partner', { exact: true }).waitFor();
      await check('team');
      await shot('portal-team');
    });
    expect([...accountPages, ...teamPage]).toEqual([]);
  }, 300_000);
});
