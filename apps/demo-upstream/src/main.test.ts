// `npm start` as a process: graceful stop on SIGTERM, one clear line when the port is taken.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function waitFor(check: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('main', () => {
  it('listens on DEMO_UPSTREAM_PORT and stops cleanly on SIGTERM', async () => {
    const proc = run({ DEMO_UPSTREAM_PORT: '0', DEMO_UPSTREAM_HOST: '127.0.0.1' });
    await waitFor(() => proc.output().stdout.includes('demo API listening'));
    const { url } = JSON.parse(proc.output().stdout.split('\n').find((line) => line.includes('listening')) ?? '{}') as { url: string };
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(proc.output().stdout).toContain('shutting down');
  });

  it('exits with one line, no stack trace, when the port is in use', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const proc = run({ DEMO_UPSTREAM_PORT: String(port) });
      expect(await proc.exited).toBe(1);
      const { stderr } = proc.output();
      expect(stderr.trim().split('\n')).toEqual([`demo-upstream: port 127.0.0.1:${port} is already in use; set DEMO_UPSTREAM_PORT to another port`]);
    } finally {
      blocker.close();
    }
  });

  it('rejects a bad DEMO_UPSTREAM_PORT with one line', async () => {
    const proc = run({ DEMO_UPSTREAM_PORT: 'eighty' });
    expect(await proc.exited).toBe(1);
    expect(proc.output().stderr.trim().split('\n')).toHaveLength(1);
    expect(proc.output().stderr).toContain('DEMO_UPSTREAM_PORT');
  });
});
