// Sign-up mail over SMTP in a real browser against the production build: with SMTP_URL set the
// verification mail reaches a real SMTP server (smtp-server) with its link; an address the
// server refuses (550) is said on the email field and leaves no account; a busy server (451)
// asks to try again, and trying again works.
import { useTestDatabase } from '@tollgate/db/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../support/portal';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp-receiver';
import { seriousViolations, shot } from './console-page';
import { chromiumAvailable, launchChromium } from './launch-chromium';

const DESKTOP = { width: 1280, height: 900 };
const PASSWORD = 'a-long-enough-passphrase-42';

const t = useTestDatabase();

async function submitSignUp(page: Page, name: string, email: string): Promise<void> {
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
}

async function nothingOf(email: string): Promise<number[]> {
  return [await t.db.user.count({ where: { email } }), await t.db.oneTimeToken.count({ where: { email } }), await t.db.team.count({ where: { members: { some: { user: { email } } } } })];
}

describe.skipIf(!chromiumAvailable())('sign-up mail over SMTP', () => {
  let portal: RunningPortal;
  let smtp: SmtpReceiver;
  let browser: Browser;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    portal = await startPortal({ databaseUrl: t.url, env: { SMTP_URL: smtp.url, MAIL_FROM: 'Tollgate <no-reply@tollgate.test>' } });
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await smtp?.stop();
  });

  it('delivers the verification mail to the SMTP server, and its link confirms the address', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`${portal.url}/signup`);
    await submitSignUp(page, 'Mail Able', 'able@example.com');
    await page.getByText('Check your inbox').waitFor();
    const mail = smtp.received.find((message) => message.envelopeTo.includes('able@example.com'));
    expect(mail).toMatchObject({ to: 'able@example.com', subject: expect.stringContaining('Confirm your email address') });
    const link = mail!.links[0]!;
    expect(new URL(link).origin).toBe(portal.url);
    expect(new URL(link).pathname).toBe('/verify-email');
    expect(portal.output()).not.toContain(link);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Email confirmed' }).waitFor();
    await context.close();
  }, 120_000);

  it('says on the email field that the mail server refused the address, keeps nothing, and takes a corrected address', async () => {
    smtp.refuse('nobody@example.com', 550);
    const context = await browser.newContext({ viewport: DESKTOP, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${portal.url}/signup`);
    await submitSignUp(page, 'Typo Person', 'nobody@example.com');
    await page.getByText('our mail server refused to deliver to this address').waitFor();
    await expect.poll(() => page.getByLabel('Email').getAttribute('aria-invalid'), { timeout: 5_000 }).toBe('true');
    expect(await nothingOf('nobody@example.com')).toEqual([0, 0, 0]);
    expect(await t.db.team.count({ where: { name: 'Typo Person' } })).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'portal-signup-mail-refused-light-desktop');

    await page.getByLabel('Email').fill('somebody@example.com');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Check your inbox').waitFor();
    expect(smtp.received.some((message) => message.envelopeTo.includes('somebody@example.com'))).toBe(true);
    await context.close();
  }, 120_000);

  it('asks to try again when the mail server is busy, keeps nothing, and the same address then signs up', async () => {
    smtp.refuse('later@example.com', 451, 1);
    const context = await browser.newContext({ viewport: DESKTOP, colorScheme: 'dark', bypassCSP: true });
    await context.addInitScript(() => localStorage.setItem('theme', 'dark'));
    const page = await context.newPage();
    await page.goto(`${portal.url}/signup`);
    await submitSignUp(page, 'Later Person', 'later@example.com');
    await page.getByText('We could not send the confirmation mail just now').waitFor();
    expect(await nothingOf('later@example.com')).toEqual([0, 0, 0]);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'portal-signup-mail-busy-dark-desktop');

    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Check your inbox').waitFor();
    expect(await nothingOf('later@example.com')).toEqual([1, 1, 1]);
    await context.close();
  }, 120_000);
});
