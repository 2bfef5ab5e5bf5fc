// What every console browser test does the same way: sign in, ask axe-core about the page,
// save a screenshot.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startPortal, type RunningPortal } from '../support/portal';
import { launchChromium } from './launch-chromium';

export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/browser');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Signs in through the form and waits for the console's overview. */
export async function signInToConsole(page: Page, portalUrl: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${portalUrl}/signin?callbackUrl=${encodeURIComponent('/admin')}`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${portalUrl}/admin`);
}

type AxeRun = (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown }[] }[] }>;

/** axe-core in the page (the context bypasses CSP so the script tag may run): serious and critical violations only. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: AxeRun } }).axe.run;
    const result = await run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({ ...violation, nodes: violation.nodes.map((node) => JSON.stringify(node.target)) }));
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} ${violation.nodes.slice(0, 3).join(' ')}`);
}

/** A full-page screenshot in test-results/browser/NAME.png. */
export function shot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Clicks until the dialog opens: a click that lands before hydration does nothing on a busy machine. */
export async function openDialog(page: Page, button: string, dialog: string, role: 'dialog' | 'alertdialog' = 'dialog'): Promise<Locator> {
  const opened = page.getByRole(role, { name: dialog });
  for (let attempt = 0; attempt < 40 && !(await opened.isVisible()); attempt += 1) {
    await page.getByRole('button', { name: button }).click();
    await opened.waitFor({ timeout: 500 }).catch(() => undefined);
  }
  return opened;
}

/** Clicks until `done` says the click took: a click that lands before hydration or during a re-render can do nothing on a busy machine. */
export async function clickUntil(page: Page, click: () => Promise<void>, done: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 40 && !(await done()); attempt += 1) {
    await click();
    await page.waitForTimeout(250);
  }
}

export interface ConsoleSession {
  portal: RunningPortal;
  browser: Browser;
  /** The signed-in light desktop context (its storage state signs in other contexts too). */
  desktop: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * What every console browser test starts from: the production build on the test's database,
 * Chromium, and a light desktop page signed in as `who` (CSP bypassed so axe can be injected).
 */
export async function openConsoleSession(
  databaseUrl: string,
  who: { email: string; password: string },
  options: { viewport: { width: number; height: number }; defaultTimeoutMs?: number },
): Promise<ConsoleSession> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const portal = await startPortal({ databaseUrl });
  const browser = await launchChromium();
  const desktop = await browser.newContext({ viewport: options.viewport, bypassCSP: true, colorScheme: 'light' });
  if (options.defaultTimeoutMs !== undefined) desktop.setDefaultTimeout(options.defaultTimeoutMs);
  const page = await desktop.newPage();
  await signInToConsole(page, portal.url, who);
  return {
    portal,
    browser,
    desktop,
    page,
    close: async () => {
      await browser.close();
      await portal.stop();
    },
  };
}
