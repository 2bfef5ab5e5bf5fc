// Builds the portal with `next build` when no production build exists or its sources are newer.
// One build at a time per checkout: a lock directory guards concurrent starts and test runs.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PORTAL_DIR = fileURLToPath(new URL('..', import.meta.url));
const REPO_DIR = path.resolve(PORTAL_DIR, '../..');
const BUILD_ID = path.join(PORTAL_DIR, '.next', 'BUILD_ID');
const LOCK_DIR = path.join(PORTAL_DIR, '.next-build.lock');

/** The `next` CLI entry, run with this Node binary. */
export const NEXT_BIN = createRequire(import.meta.url).resolve('next/dist/bin/next');

/** Serves an existing build (scripts/serve.ts); run with `node --import tsx`. */
export const PORTAL_SERVE_SCRIPT = path.join(PORTAL_DIR, 'scripts', 'serve.ts');

const SOURCES = [
  'apps/portal/src',
  'apps/portal/next.config.ts',
  'apps/portal/postcss.config.mjs',
  'apps/portal/package.json',
  'packages/db/src',
  'packages/domain/src',
  'packages/errors/src',
  'packages/contracts/src',
  'packages/operations/src',
  'packages/ui/src',
];

function newestMtime(target: string): number {
  let stat;
  try {
    stat = statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry.endsWith('.test.ts')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** Why a build is needed, or null when `.next` is current. */
export function buildNeeded(): string | null {
  let built: number;
  try {
    built = statSync(BUILD_ID).mtimeMs;
  } catch {
    return 'no production build yet (.next/BUILD_ID is missing)';
  }
  const changed = SOURCES.find((source) => newestMtime(path.join(REPO_DIR, source)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function acquireLock(): Promise<() => void> {
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      writeFileSync(path.join(LOCK_DIR, 'pid'), String(process.pid));
      return () => rmSync(LOCK_DIR, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path.join(LOCK_DIR, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      if (owner && !pidAlive(owner)) rmSync(LOCK_DIR, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

function runNextBuild(env: NodeJS.ProcessEnv, quiet: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, 'build'], {
      cwd: PORTAL_DIR,
      env: { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code})\n${output.slice(-4000)}`))));
  });
}

/** Makes sure `.next` holds a current production build; returns the build time in ms (0 when reused). */
export async function ensureBuild(options: { env?: NodeJS.ProcessEnv; quiet?: boolean; log?: (line: string) => void } = {}): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (!buildNeeded()) return 0;
  const release = await acquireLock();
  try {
    const reason = buildNeeded();
    if (!reason) return 0;
    log(`portal: building with next build: ${reason}; this takes a few minutes`);
    const started = Date.now();
    await runNextBuild(options.env ?? process.env, options.quiet ?? false);
    // The build holds the sources as they were when it started: a file saved while it ran is newer than it.
    utimesSync(BUILD_ID, started / 1000, started / 1000);
    const took = Date.now() - started;
    log(`portal: build finished in ${Math.round(took / 1000)}s`);
    return took;
  } finally {
    release();
  }
}
