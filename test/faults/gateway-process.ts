// A gateway as its own process (`src/main.ts` under tsx, as `npm run start:gateway` runs
// it), for the fault tests that signal it, kill it or fill its disk: its ports, its JSON
// log lines, how it exited.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { eventually, tempSnapshotPath } from '../../apps/gateway/src/testing/test-gateway';

const GATEWAY_DIR = fileURLToPath(new URL('../../apps/gateway', import.meta.url));

export interface GatewayProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly adminUrl: string;
  /** Log lines so far, parsed (pino JSON). */
  readonly logs: Array<Record<string, unknown>>;
  /** Resolves with the exit code (null when killed by a signal) once the process is gone. */
  readonly exited: Promise<number | null>;
  metrics(): Promise<string>;
  /** One sample of a metric without labels (NaN when absent). */
  metric(name: string): Promise<number>;
}

const running = new Set<ChildProcess>();

/** Starts a gateway process and waits until it listens (start-up under load can take a while). */
export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: GATEWAY_DIR,
    env: {
      ...process.env,
      GATEWAY_PORT: '0',
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_ADMIN_PORT: '0',
      GATEWAY_SNAPSHOT_PATH: tempSnapshotPath(),
      REDIS_URL: '',
      LOG_LEVEL: 'info',
      GATEWAY_ACCESS_LOG: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const logs: Array<Record<string, unknown>> = [];
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a log line
      }
    }
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let listening: Record<string, unknown> | undefined;
  await eventually(async () => {
    expect(child.exitCode, stderr).toBeNull();
    listening = logs.find((line) => line.msg === 'gateway listening');
    expect(listening).toBeDefined();
  }, 60_000);
  const adminUrl = String(listening!.adminUrl);
  const metrics = async () => (await fetch(`${adminUrl}/metrics`)).text();
  return {
    child,
    url: String(listening!.url),
    adminUrl,
    logs,
    exited,
    metrics,
    async metric(name: string) {
      return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(await metrics())?.[1] ?? Number.NaN);
    },
  };
}

/** For afterAll: kills whatever gateway process a test left running. */
export function killGatewayProcesses(): void {
  for (const child of running) child.kill('SIGKILL');
}
