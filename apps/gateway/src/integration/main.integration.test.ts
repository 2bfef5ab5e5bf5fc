// The gateway as `npm start` runs it: a child process, configured by the environment.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTestConfig, tempSnapshotPath } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
const GATEWAY_DIR = fileURLToPath(new URL('../..', import.meta.url));
let upstream: TestUpstream;

beforeAll(async () => {
  // Answers after 500 ms, so a request is still in flight when SIGTERM arrives.
  upstream = await startTestUpstream((_req, res) => setTimeout(() => res.end('slow answer'), 500));
  await applyTestConfig(t.db, upstream.url);
});

afterAll(async () => {
  await upstream?.close();
});

function startMain(env: Record<string, string>): { child: ChildProcess; stdout: () => string; stderr: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: GATEWAY_DIR,
    env: { ...process.env, DATABASE_URL: t.url, GATEWAY_ADMIN_PORT: '0', GATEWAY_SNAPSHOT_PATH: tempSnapshotPath(), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

describe('npm start', () => {
  it('prints one line and exits non-zero when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const main = startMain({ GATEWAY_PORT: String(port), GATEWAY_HOST: '127.0.0.1' });
      expect(await main.exit).toBe(1);
      expect(main.stderr()).toBe(`tollgate gateway: port ${port} is already in use; set GATEWAY_PORT to a free port\n`);
    } finally {
      blocker.close();
    }
  });

  it('drains the request in flight on SIGTERM, then exits 0', async () => {
    const main = startMain({ GATEWAY_PORT: '0' });
    try {
      let url = '';
      for (let waited = 0; !url && waited < 20_000; waited += 50) {
        url = /"url":"(http:\/\/[^"]+)"/.exec(main.stdout())?.[1] ?? '';
        if (!url) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(url).not.toBe('');
      const inFlight = fetch(`${url}/weather/public/status`);
      await new Promise((resolve) => setTimeout(resolve, 150));
      main.child.kill('SIGTERM');
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('slow answer');
      expect(await main.exit).toBe(0);
      await expect(fetch(`${url}/weather/public/status`)).rejects.toThrow();
    } finally {
      main.child.kill('SIGKILL');
    }
  });
});
