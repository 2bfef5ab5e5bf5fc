// The gateway as its own process (`npm start`'s entry), for fault tests that kill it or
// run it under another clock (`faketime`). Resolves once it logs where it listens.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tempSnapshotPath, tempSpoolDir } from '../../apps/gateway/src/testing/test-gateway';

const GATEWAY_DIR = fileURLToPath(new URL('../../apps/gateway', import.meta.url));

export interface GatewayProcess {
  child: ChildProcess;
  url: string;
  adminUrl: string;
  /** Resolves with the exit code (null when killed by a signal). */
  exit: Promise<number | null>;
  /** Kills it (SIGKILL unless told) and waits for it to go. */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface GatewayProcessOptions {
  env: Record<string, string>;
  /** Runs it under Debian's faketime with this spec, e.g. `+45s`. */
  faketime?: string;
  /** How long starting may take (tsx compiles the sources first; slow on a busy machine). */
  startTimeoutMs?: number;
}

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
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exit;
  };
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`gateway did not start within ${startTimeoutMs} ms: ${stderr.slice(-2_000)}`));
    }, startTimeoutMs);
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const listening = /"url":"(http:\/\/[^"]+)","adminUrl":"(http:\/\/[^"]+)"/.exec(stdout);
      if (listening === null) return;
      clearTimeout(timer);
      child.stdout!.removeAllListeners('data');
      child.stdout!.resume();
      resolve({ child, url: listening[1]!, adminUrl: listening[2]!, exit, kill });
    });
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited with ${code} before listening: ${stderr.slice(-2_000)}`));
    });
  });
}
