#!/usr/bin/env node
// Generates the Prisma client into packages/db/src/generated.
// `prisma generate` only needs *a* schema-engine path to exist; it never runs it, so we
// point it at this file and the CLI skips its binary download (which fails offline).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const prismaBin = `${root}node_modules/prisma/build/index.js`;
if (!existsSync(prismaBin)) {
  console.log('tollgate: prisma CLI not installed yet, skipping client generation');
  process.exit(0);
}
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fileURLToPath(import.meta.url),
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};
const result = spawnSync(process.execPath, [prismaBin, 'generate'], { cwd: root, env, stdio: 'inherit' });
process.exit(result.status ?? 1);
