import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { sharedTestOptions } from '../../vitest.shared';

export default defineConfig({ test: { ...sharedTestOptions, root: fileURLToPath(new URL('.', import.meta.url)), include: ['*.test.ts'] } });
