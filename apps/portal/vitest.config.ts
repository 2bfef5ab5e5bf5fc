import { defineConfig } from 'vitest/config';
import { sharedTestOptions } from '../../vitest.shared';
import { portalAliases } from './vitest.aliases';

export default defineConfig({
  resolve: { alias: portalAliases },
  test: { ...sharedTestOptions, include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'] },
});
