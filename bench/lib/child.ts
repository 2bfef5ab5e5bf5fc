// Starting the benchmark's processes: pinned to a CPU with taskset when it is installed,
// ready once a line of their output matches, stopped by pid.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HAS_TASKSET = spawnSync('taskset', ['--version']).status === 0;
export const TSX = ['--import', 'tsx'];

export interface StartOptions {
  name: string;
  command: string;
  args: string[];
  /** CPU list for taskset (`0`, `1`, `0,1`); unpinned when taskset is missing or this is unset. */
  cpu?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Ready once the output matches (the match is returned) or the check passes; once started when unset. */
  ready?: RegExp | (() => Promise<boolean>);
  timeoutMs?: number;
}

export interface Child {
  readonly name: string;
  readonly pid: number;
  readonly match: RegExpMatchArray;
  readonly process: ChildProcess;
  /** The last lines the process wrote (for error messages). */
  tail(): string;
  stop(): Promise<void>;
}

/** Where the children's output goes: files, so a chatty process (an access log) costs the runner nothing. */
export const LOG_DIR = mkdtempSync(join(tmpdir(), 'tollgate-bench-logs-'));

export function removeLogs(): void {
  rmSync(LOG_DIR, { recursive: true, force: true });
}

export function pinned(cpu: string | undefined, command: string, args: string[]): [string, string[]] {
  return HAS_TASKSET && cpu !== undefined ? ['taskset', ['-c', cpu, command, ...args]] : [command, args];
}

function readTail(path: string, bytes: number): string {
  try {
    const text = readFileSync(path);
    return text.subarray(Math.max(0, text.length - bytes)).toString();
  } catch {
    return '';
  }
}

let started = 0;

export async function startChild(options: StartOptions): Promise<Child> {
  const [command, args] = pinned(options.cpu, options.command, options.args);
  const logPath = join(LOG_DIR, `${options.name}-${++started}.log`);
  const fd = openSync(logPath, 'w');
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  let exited = false;
  child.once('exit', () => (exited = true));
  child.once('error', () => (exited = true));
  const tail = () => readTail(logPath, 2_000);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited || child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (exited) throw new Error(`${options.name} exited (${child.exitCode ?? child.signalCode}) before it was ready\n${tail()}`);
    let match: RegExpMatchArray | null = null;
    if (options.ready === undefined) match = child.pid !== undefined ? [''] : null;
    else if (options.ready instanceof RegExp) match = readTail(logPath, 64_000).match(options.ready);
    else match = (await options.ready().catch(() => false)) ? [''] : null;
    if (match && child.pid !== undefined) return { name: options.name, pid: child.pid, match, process: child, tail, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${options.name} not ready after ${options.timeoutMs ?? 60_000} ms\n${tail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs a command to completion and returns its output. */
export function runToEnd(command: string, args: string[], options: { cpu?: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const [cmd, argv] = pinned(options.cpu, command, args);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr = (stderr + data.toString()).slice(-20_000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}
