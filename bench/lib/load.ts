// Load generators, always run as separate processes: wrk when installed (or autocannon)
// with N keep-alive connections for closed-loop throughput, and bench/load/open-loop.ts
// for latency at a fixed request rate.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { runToEnd, TSX } from './child';

export const HAS_WRK = spawnSync('wrk', ['--version']).error === undefined;
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Socket errors, timeouts and answers other than 2xx. */
  failures: number;
}

export interface ClosedLoad {
  tool: 'wrk' | 'autocannon';
  url: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  cpu?: string;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1_000, m: 60_000 };

function wrkDuration(text: string | undefined): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text ?? '');
  return match ? Number(match[1]) * UNIT_MS[match[2]!]! : Number.NaN;
}

export async function closedLoad(load: ClosedLoad): Promise<LoadResult> {
  const timeoutMs = (load.seconds + 30) * 1_000;
  if (load.tool === 'wrk') {
    const headerArgs = Object.entries(load.headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
    const run = await runToEnd('wrk', ['-t1', `-c${load.connections}`, `-d${load.seconds}s`, '--latency', ...headerArgs, load.url], { cpu: load.cpu, timeoutMs });
    const out = run.stdout;
    const total = /(\d+) requests in ([\d.]+)(ms|s|m)/.exec(out);
    if (run.code !== 0 || !total) throw new Error(`wrk failed: ${out}${run.stderr}`);
    const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
    const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
    const seconds = (Number(total[2]) * UNIT_MS[total[3]!]!) / 1_000;
    return {
      requests: Number(total[1]),
      seconds,
      rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
      p50Ms: wrkDuration(/^\s+50%\s+(\S+)/m.exec(out)?.[1]),
      p99Ms: wrkDuration(/^\s+99%\s+(\S+)/m.exec(out)?.[1]),
      failures: non2xx + (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0),
    };
  }
  const headerArgs = Object.entries(load.headers).flatMap(([name, value]) => ['-H', `${name}=${value}`]);
  const run = await runToEnd(process.execPath, [AUTOCANNON, '-c', String(load.connections), '-d', String(load.seconds), '-j', ...headerArgs, load.url], { cpu: load.cpu, timeoutMs });
  if (run.code !== 0) throw new Error(`autocannon failed: ${run.stderr}`);
  const json = JSON.parse(run.stdout) as { requests: { total: number; average: number }; latency: { p50: number; p99: number }; duration: number; non2xx: number; errors: number; timeouts: number };
  return {
    requests: json.requests.total,
    seconds: json.duration,
    rps: json.requests.total / json.duration,
    p50Ms: json.latency.p50,
    p99Ms: json.latency.p99,
    failures: json.non2xx + json.errors + json.timeouts,
  };
}

export interface OpenLoad {
  url: string;
  headers: Record<string, string>;
  rate: number;
  seconds: number;
  connections: number;
  cpu?: string;
}

export interface OpenResult {
  sent: number;
  failures: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  p999Ms: number;
}

export async function openLoad(load: OpenLoad): Promise<OpenResult> {
  const script = new URL('../load/open-loop.ts', import.meta.url).pathname;
  const args = [...TSX, script, load.url, String(load.rate), String(load.seconds), String(load.connections), JSON.stringify(load.headers)];
  const run = await runToEnd(process.execPath, args, { cpu: load.cpu, timeoutMs: (load.seconds + 30) * 1_000 });
  if (run.code !== 0) throw new Error(`open-loop load failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as OpenResult;
}
