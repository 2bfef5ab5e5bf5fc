// Starts the built portal (its own server, scripts/serve.ts) on a free port for cross-app and browser tests.
// The first caller builds it when .next is missing or stale; later runs reuse that build.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { ensureBuild, PORTAL_DIR, PORTAL_SERVE_SCRIPT } from '../../apps/portal/scripts/ensure-build';
import { freePort } from '../setup/services';

export interface RunningPortal {
  url: string;
  /** What the server printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

async function waitForHealth(url: string, exited: () => string | null, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit) throw new Error(`portal exited before it answered: ${exit}`);
    try {
      const response = await fetch(`${url}/api/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`portal did not answer ${url}/api/healthz within ${timeoutMs} ms`);
}

/** `port` lets a test know the portal's URL before it starts (an identity provider registers its callback). */
export async function startPortal(options: { databaseUrl: string; env?: Record<string, string>; port?: number }): Promise<RunningPortal> {
  await ensureBuild({ quiet: true, log: (line) => console.log(line) });
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', PORTAL_SERVE_SCRIPT], {
    cwd: PORTAL_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: options.databaseUrl,
      PORTAL_PORT: String(port),
      PORTAL_HOST: '127.0.0.1',
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      // Each portal counts sign-in failures on its own, so runs never lock each other out
      // through a shared Redis; a test that wants Redis passes REDIS_URL.
      REDIS_URL: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exit: string | null = null;
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = `code ${code} signal ${signal}\n${output}`;
      resolve();
    }),
  );
  const stop = async () => {
    if (exit === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  try {
    await waitForHealth(url, () => exit, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => output, stop };
}
