// The sign-in form under a Content-Security-Policy with nonces: it still hydrates and signs
// in, the browser reports no blocked script, and a throttled account sees how long to wait.
import { hashPassword } from '@tollgate/domain';
import { useTestDatabase } from '@tollgate/db/testing';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../support/portal';
import { chromiumAvailable, launchChromium } from './launch-chromium';

const USER = { email: 'throttled@example.com', password: 'the right password' };
const t = useTestDatabase();

function watchForCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

async function submit(page: Page, password: string): Promise<void> {
  await page.getByLabel('Email').fill(USER.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe.skipIf(!chromiumAvailable())('sign-in form under throttling and CSP', () => {
  let portal: RunningPortal;
  let browser: Browser;

  beforeAll(async () => {
    await t.db.user.create({ data: { email: USER.email, name: 'Throttled', role: 'developer', passwordHash: await hashPassword(USER.password) } });
    portal = await startPortal({ databaseUrl: t.url });
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('shows "Too many attempts" after five wrong passwords and refuses the right one', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = watchForCspViolations(page);
    await page.goto(`${portal.url}/signin`);
    for (let attempt = 1; attempt <= 5; attempt++) {
      await submit(page, `wrong guess ${attempt}`);
      await page.getByText('Wrong email or password.').waitFor();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
    }
    await submit(page, USER.password);
    await page.getByText('Too many attempts; try again in 1 minute.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect((await context.cookies()).some((cookie) => cookie.name.includes('session-token'))).toBe(false);
    expect(violations).toEqual([]);
    await context.close();
  }, 60_000);
});
