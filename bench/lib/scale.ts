// The scale runs: each benchmark script in its own process (so one's heap never skews
// another's), its markdown output kept for the results file and one line picked out
// for the summary.
import { runToEnd, TSX } from './child';
import type { BenchOptions } from './options';

export interface ScaleResult {
  title: string;
  command: string;
  ok: boolean;
  seconds: number;
  output: string;
  /** The figure carried into the headline table. */
  headline: string;
}

interface ScaleRun {
  title: string;
  script: string;
  args: string[];
  headline(output: string): string;
  /** Default 10 minutes. */
  timeoutMs?: number;
}

function pick(output: string, pattern: RegExp, fallback = 'see below'): string {
  return pattern.exec(output)?.[1]?.trim() ?? fallback;
}

function runs(options: BenchOptions): ScaleRun[] {
  return [
    {
      title: `Route matching at ${options.routes.toLocaleString('en-US')} routes`,
      script: 'route-match.ts',
      args: ['--routes', String(options.routes), ...(options.mode === 'full' ? ['--matches', '3000000'] : ['--matches', '500000', '--only-largest'])],
      headline: (out) => pick(out, /summary: (.*)/),
    },
    {
      title: `Config load and memory at ${options.keys.toLocaleString('en-US')} keys`,
      script: 'keys-load.ts',
      args: ['--keys', String(options.keys)],
      headline: (out) => pick(out, /summary: (.*)/),
    },
    {
      title: 'Usage ingestion into PostgreSQL',
      script: 'usage-ingest.ts',
      args: ['--events', String(options.usageEvents)],
      headline: (out) => `${pick(out, /end to end:\s+([\d,]+ events\/s)/)} end to end, ${pick(out, /flush into PostgreSQL:\s+([\d,]+ events\/s)/)} flushing`,
    },
    {
      title: 'Rate-limit accuracy and Redis calls',
      script: 'rate-limit-accuracy.ts',
      args: [],
      headline: (out) => {
        const [burst = '', steadyPart = ''] = out.split('steady traffic');
        const burstRows = [...burst.matchAll(/^\| (\d+) \| (\d+) \| \d+ \| (\d+) \| ([\d.]+) \|/gm)];
        const worst = Math.max(...burstRows.map((row) => Number(row[4])));
        const steady = /^\| 1 \| 1000 \| \d+ \| \d+ \| ([\d.]+) \|/m.exec(steadyPart)?.[1];
        return `burst of 3 x limit over 1-8 instances admitted at most ${Number.isFinite(worst) ? worst.toFixed(3) : '?'} x the limit; steady traffic ${steady ?? '?'} Redis calls per 1,000 requests (1 instance, lease 1,000)`;
      },
    },
    {
      // The seed takes about 5 minutes once and is reused; quick runs never seed (they measure a seed a full run left).
      title: 'Dashboard query time on 100 million seeded requests',
      script: 'dashboard-query.ts',
      args: options.mode === 'full' ? ['--requests', '100000000'] : ['--requests', '100000000', '--runs', '3', '--if-seeded'],
      headline: (out) => pick(out, /summary: (.*)/),
      timeoutMs: 1_800_000,
    },
  ];
}

export async function scaleRuns(options: BenchOptions, log: (line: string) => void): Promise<ScaleResult[]> {
  const results: ScaleResult[] = [];
  for (const run of runs(options)) {
    const script = new URL(`../${run.script}`, import.meta.url).pathname;
    const command = `npx tsx bench/${run.script} ${run.args.join(' ')}`.trim();
    log(`  ${run.title} ...`);
    const result = await runToEnd(process.execPath, [...TSX, script, ...run.args], { timeoutMs: run.timeoutMs ?? 600_000 });
    const ok = result.code === 0;
    const output = ok ? result.stdout.trim() : `${result.stdout}\n${result.stderr}`.trim().slice(-3_000);
    results.push({ title: run.title, command, ok, seconds: result.ms / 1_000, output, headline: ok ? run.headline(result.stdout) : `failed (exit ${result.code})` });
    log(`    ${results.at(-1)!.headline} (${(result.ms / 1_000).toFixed(1)} s)`);
  }
  return results;
}
