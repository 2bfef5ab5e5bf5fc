import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// These tests only read files: no database, so no global setup.
export default defineConfig({ test: { root: fileURLToPath(new URL('.', import.meta.url)), include: ['*.test.ts'] } });
