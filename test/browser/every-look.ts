// Each look a page must hold up in: light and dark, at a desktop's width and a 390 px
// phone's. The pages are opened with the theme stored the way the theme switch stores it,
// checked with axe and for sideways scrolling, and screenshot.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { seriousViolations, shot } from './console-page';

export const PHONE = { width: 390, height: 844 };

export interface Look {
  scheme: 'light' | 'dark';
  size: 'desktop' | 'phone';
  page: Page;
  /** Records serious axe violations, and at the phone's width a page wider than the screen, under `label`. */
  check(label: string): Promise<void>;
  /** A full-page screenshot, test-results/browser/NAME-SCHEME-SIZE.png. */
  shot(name: string): Promise<Buffer>;
}

/**
 * Runs `visit` once per look, each in a new context (signed in when `storageState` is
 * given, CSP bypassed so axe can be injected), and returns what the checks found: a
 * test expects it to equal [], so one run names every problem at once.
 */
export async function problemsInEveryLook(
  browser: Browser,
  options: { desktop: { width: number; height: number }; storageState?: BrowserContextOptions['storageState'] },
  visit: (look: Look) => Promise<void>,
): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    for (const [size, viewport] of [['desktop', options.desktop], ['phone', PHONE]] as const) {
      const context = await browser.newContext({ viewport, bypassCSP: true, colorScheme: scheme, ...(options.storageState ? { storageState: options.storageState } : {}) });
      await context.addInitScript((theme) => localStorage.setItem('theme', theme), scheme);
      const page = await context.newPage();
      const check = async (label: string) => {
        found.push(...(await seriousViolations(page)).map((violation) => `${label} ${scheme} ${size}: ${violation}`));
        if (size !== 'phone') return;
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > PHONE.width) found.push(`${label} ${scheme}: the page is ${width}px wide at a ${PHONE.width}px phone`);
      };
      try {
        await visit({ scheme, size, page, check, shot: (name) => shot(page, `${name}-${scheme}-${size}`) });
      } finally {
        await context.close();
      }
    }
  }
  return found;
}
