import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'vitest/config';

/** Test settings every vitest config in the repo shares. */
export const sharedTestOptions = {
  globalSetup: [fileURLToPath(new URL('./test/setup/global-setup.ts', import.meta.url))],
  testTimeout: 30_000,
  hookTimeout: 120_000,
  pool: 'forks',
  maxWorkers: 2,
} satisfies ViteUserConfig['test'];
