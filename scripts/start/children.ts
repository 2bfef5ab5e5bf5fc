import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface ChildSpec {
  name: string;
  /** Script run with `node --import tsx`. */
  script: string;
  env: NodeJS.ProcessEnv;
}

/** Starts and stops the platform's processes; their stdout goes to .data/logs/<name>.log. */
export class Children {
  private readonly running = new Map<string, ChildProcess>();
  private stopping = false;

  constructor(
    private readonly root: string,
    private readonly logDir: string,
    private readonly onUnexpectedExit: (name: string, code: number | null) => void,
  ) {}

  start(spec: ChildSpec): void {
    const child = spawn(process.execPath, ['--import', 'tsx', spec.script], {
      cwd: this.root,
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = createWriteStream(path.join(this.logDir, `${spec.name}.log`), { flags: 'a' });
    child.stdout!.pipe(log);
    createInterface({ input: child.stderr! }).on('line', (line) => {
      log.write(`${line}\n`);
      console.error(`[${spec.name}] ${line}`);
    });
    child.once('exit', (code) => {
      this.running.delete(spec.name);
      if (!this.stopping) this.onUnexpectedExit(spec.name, code);
    });
    this.running.set(spec.name, child);
  }

  /** SIGTERM to every child, SIGKILL to any still running after the grace period. */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const exits = [...this.running.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    );
    await Promise.all(exits);
  }
}
