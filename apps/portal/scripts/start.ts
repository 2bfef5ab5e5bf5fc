// `npm run start:portal`: builds when needed, then serves the portal (scripts/portal-server.ts).
// Configured by the environment (see src/env.ts); PORTAL_HOST defaults to 127.0.0.1.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensureBuild, PORTAL_DIR } from './ensure-build';

const REPO_DIR = path.resolve(PORTAL_DIR, '../..');
const SECRET_FILE = path.join(REPO_DIR, '.data', 'portal-auth-secret');

/** A session secret kept in .data/ so sessions survive restarts when none is configured. */
function persistedSecret(): string {
  if (existsSync(SECRET_FILE)) return readFileSync(SECRET_FILE, 'utf8').trim();
  mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  chmodSync(SECRET_FILE, 0o600);
  return secret;
}

function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', () => reject(new Error(`portal: port ${port} is already in use; set PORTAL_PORT to a free port`)));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

async function main(): Promise<void> {
  if (!process.env.NEXTAUTH_SECRET && !process.env.AUTH_SECRET) {
    process.env.NEXTAUTH_SECRET = persistedSecret();
    console.warn(`portal: NEXTAUTH_SECRET is not set; using the one generated in ${path.relative(REPO_DIR, SECRET_FILE)}`);
  }
  Object.assign(process.env, { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' });
  // Parse (and so validate) the configuration before the slow parts.
  const { env } = await import('../src/env');
  await assertPortFree(env.PORTAL_PORT, env.PORTAL_HOST);
  await ensureBuild();

  const { servePortal } = await import('./serve-portal');
  await servePortal(env);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
