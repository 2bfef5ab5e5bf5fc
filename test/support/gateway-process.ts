// The gateway as its own process (`npm run start:gateway`'s entry, src/main.ts under tsx),
// for fault tests that signal it, kill it, fill its disk or run it under another clock
// (Debian's `faketime`): its ports, its JSON log lines, its metrics and how it exited.
// Resolves once it logs where it listens.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tempSnapshotPath, tempSpoolDir } from '../../apps/gateway/src/testing/test-gateway';

const GATEWAY_DIR = fileURLToPath(new URL('../../apps/gateway', import.meta.url));

export interface GatewayProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly adminUrl: string;
  /** Log lines so far, parsed (pino JSON). */
  readonly logs: Array<Record<string, unknown>>;
  /** Resolves with the exit code (null when killed by a signal) once the process is gone. */
  readonly exit: Promise<number | null>;
  /** Kills it (SIGKILL unless told) and waits for it to go. */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
  metrics(): Promise<string>;
  /** One sample of a metric without labels (NaN when absent). */
  metric(name: string): Promise<number>;
}

export interface GatewayProcessOptions {
  env: Record<string, string>;
  /** Runs it under Debian's faketime with this spec, e.g. `+45s`. */
  faketime?: string;
  /** How long starting may take (tsx compiles the sources first; slow on a busy machine). */
  startTimeoutMs?: number;
}

const running = new Set<ChildProcess>();

export function startGatewayProcess({ env, faketime, startTimeoutMs = 90_000 }: GatewayProcessOptions): Promise<GatewayProcess> {
  const node = [process.execPath, '--import', 'tsx', 'src/main.ts'];
  const [command, ...args] = faketime === undefined ? node : ['faketime', '-f', faketime, ...node];
  const child = spawn(command!, args, {
    cwd: GATEWAY_DIR,
    env: {
      ...process.env,
      GATEWAY_PORT: '0',
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_ADMIN_PORT: '0',
      GATEWAY_SNAPSHOT_PATH: tempSnapshotPath(),
      GATEWAY_SPOOL_DIR: tempSpoolDir(),
      GATEWAY_ACCESS_LOG: '0',
      // A process starved of CPU can take longer than the default to load its first config.
      GATEWAY_DATABASE_START_TIMEOUT_MS: '60000',
      REDIS_URL: '',
      ...env,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exit = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exit;
  };
  const logs: Array<Record<string, unknown>> = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`gateway did not start within ${startTimeoutMs} ms: ${stderr.slice(-2_000)}`));
    }, startTimeoutMs);
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited with ${code} before listening: ${stderr.slice(-2_000)}`));
    });
    let partial = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        let entry: Record<string, unknown>;
        try {
          entry = JSON.parse(line) as Record<string, unknown>;
        } catch {
          continue; // not a log line
        }
        logs.push(entry);
        if (entry.msg !== 'gateway listening') continue;
        clearTimeout(timer);
        const adminUrl = String(entry.adminUrl);
        const metrics = async () => (await fetch(`${adminUrl}/metrics`)).text();
        resolve({
          child,
          url: String(entry.url),
          adminUrl,
          logs,
          exit,
          kill,
          metrics,
          async metric(name: string) {
            return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(await metrics())?.[1] ?? Number.NaN);
          },
        });
      }
    });
  });
}

/** For afterAll: kills whatever gateway process a test left running. */
export function killGatewayProcesses(): void {
  for (const child of running) child.kill('SIGKILL');
}
