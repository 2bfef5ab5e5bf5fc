import { defineConfig } from 'vitest/config';
import { sharedTestOptions } from './vitest.shared';
import { portalAliases } from './apps/portal/vitest.aliases';

// One run for the whole repo: every package's unit and integration tests plus the
// cross-app tests in test/. test/setup/global-setup.ts prepares a migrated template
// database; each test file that needs Postgres copies it into a database of its own.
export default defineConfig({
  resolve: { alias: portalAliases },
  test: {
    ...sharedTestOptions,
    include: ['{apps,packages,test,prisma,docker}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.next/**'],
  },
});
