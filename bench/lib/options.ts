// Command-line options of `npm run bench`.
export interface BenchOptions {
  mode: 'quick' | 'full' | 'smoke';
  warmupSeconds: number;
  rounds: number;
  roundSeconds: number;
  connections: number;
  openRate: number;
  openSeconds: number;
  openRounds: number;
  keys: number;
  usageEvents: number;
  routes: number;
  scale: boolean;
  /** Load generator for the closed-loop runs. */
  tool: 'wrk' | 'autocannon';
  /** Write bench/results/ (off for smoke runs unless --write). */
  write: boolean;
}

export const USAGE = `npm run bench -- [--quick | --smoke] [--no-scale] [--autocannon] [--rounds N] [--seconds N] [--rate N] [--keys N]

  (default)     full run (about 15 minutes): 5 rounds of 15 s per variant, open loop 3 x 20 s
  --quick       3 rounds of 3 s, open loop 2 x 4 s, scale runs trimmed (under 3 minutes)
  --smoke       a few seconds per step, scale runs off, nothing written (checks the harness)
  --no-scale    skip the scale runs (routes, keys, usage ingestion, rate-limit accuracy, dashboard queries)
  --autocannon  use autocannon even when wrk is installed
  --access-log-variant   also run Tollgate with GATEWAY_ACCESS_LOG=0 (always in full runs)`;

/** The positive number after `--NAME` on the command line, or `fallback`: every bench reads its own options with it. */
export function numberArg(name: string, fallback: number, argv: readonly string[] = process.argv.slice(2)): number {
  const at = argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(argv[at + 1]) : Number.NaN;
  return value > 0 ? value : fallback;
}

/** A side-by-side bench's load settings: the quick run's, with `--rounds` and `--seconds` of its own. */
export function sideBySideOptions(hasWrk: boolean, defaults: { rounds: number; seconds: number } = { rounds: 3, seconds: 4 }): BenchOptions {
  return { ...parseOptions(['--quick'], hasWrk), rounds: numberArg('rounds', defaults.rounds), roundSeconds: numberArg('seconds', defaults.seconds), warmupSeconds: 3 };
}

export function parseOptions(argv: string[], hasWrk: boolean): BenchOptions {
  if (argv.includes('--help')) {
    console.log(USAGE);
    process.exit(0);
  }
  const number = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 && Number(argv[at + 1]) > 0 ? Number(argv[at + 1]) : undefined;
  };
  const mode = argv.includes('--smoke') ? 'smoke' : argv.includes('--quick') ? 'quick' : 'full';
  const presets = {
    full: { warmupSeconds: 10, rounds: 5, roundSeconds: 15, openSeconds: 20, openRounds: 3, keys: 1_000_000, usageEvents: 300_000 },
    quick: { warmupSeconds: 2, rounds: 3, roundSeconds: 3, openSeconds: 4, openRounds: 2, keys: 1_000_000, usageEvents: 50_000 },
    smoke: { warmupSeconds: 1, rounds: 1, roundSeconds: 2, openSeconds: 2, openRounds: 1, keys: 10_000, usageEvents: 5_000 },
  }[mode];
  return {
    mode,
    ...presets,
    rounds: number('rounds') ?? presets.rounds,
    roundSeconds: number('seconds') ?? presets.roundSeconds,
    keys: number('keys') ?? presets.keys,
    connections: number('connections') ?? 50,
    openRate: number('rate') ?? 2_000,
    routes: 10_000,
    scale: mode !== 'smoke' ? !argv.includes('--no-scale') : argv.includes('--scale'),
    tool: hasWrk && !argv.includes('--autocannon') ? 'wrk' : 'autocannon',
    write: mode !== 'smoke' || argv.includes('--write'),
  };
}
