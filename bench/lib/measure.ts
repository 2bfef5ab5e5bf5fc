// The side-by-side runs: warm-up, then rounds that visit every variant in turn (so a
// burst of noise on a shared machine lands on all of them), medians per variant.
import { closedLoad, openLoad, type OpenResult } from './load';
import type { BenchOptions } from './options';
import { cpuMicros, peakRssBytes, processTree } from './proc-stats';
import { LOAD_CPU, type Variant } from './variants';

export interface VariantResult {
  variant: Variant;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Proxy CPU microseconds per request (user + system, every thread and child). */
  cpuUs: number | null;
  peakRssBytes: number | null;
  requests: number;
  failures: number;
}

export interface OpenVariantResult {
  variant: Variant;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  p999Ms: number;
  failures: number;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Visits every variant once per round, reversing the order every other round so no
 * variant always runs right after another; returns each variant's samples.
 */
async function alternatingRounds<T>(variants: Variant[], rounds: number, visit: (variant: Variant, round: number) => Promise<T>): Promise<Map<Variant, T[]>> {
  const samples = new Map<Variant, T[]>(variants.map((variant) => [variant, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const variant of round % 2 ? variants : [...variants].reverse()) samples.get(variant)!.push(await visit(variant, round));
  }
  return samples;
}

function proxyCpu(variant: Variant): number {
  return variant.child ? cpuMicros(processTree(variant.child.pid)) : 0;
}

export async function closedRounds(variants: Variant[], options: BenchOptions, headers: Record<string, string>, log: (line: string) => void): Promise<VariantResult[]> {
  const load = (variant: Variant, seconds: number) => closedLoad({ tool: options.tool, url: variant.url, headers, connections: options.connections, seconds, cpu: LOAD_CPU });
  for (const variant of variants) {
    const warm = await load(variant, options.warmupSeconds);
    log(`  warm-up ${variant.id}: ${Math.round(warm.rps)} req/s${warm.failures ? `, ${warm.failures} failures` : ''}`);
  }
  const samples = await alternatingRounds(variants, options.rounds, async (variant, round) => {
    const before = proxyCpu(variant);
    const result = await load(variant, options.roundSeconds);
    const cpuUs = (proxyCpu(variant) - before) / result.requests;
    log(`  round ${round} ${variant.id}: ${Math.round(result.rps)} req/s, p99 ${result.p99Ms.toFixed(2)} ms, ${variant.child ? `${cpuUs.toFixed(1)} µs CPU/req` : ''}`);
    return { ...result, cpuUs };
  });
  return variants.map((variant) => {
    const list = samples.get(variant)!;
    return {
      variant,
      rps: median(list.map((s) => s.rps)),
      p50Ms: median(list.map((s) => s.p50Ms)),
      p99Ms: median(list.map((s) => s.p99Ms)),
      cpuUs: variant.child ? median(list.map((s) => s.cpuUs)) : null,
      peakRssBytes: variant.child ? peakRssBytes(processTree(variant.child.pid)) : null,
      requests: list.reduce((sum, s) => sum + s.requests, 0),
      failures: list.reduce((sum, s) => sum + s.failures, 0),
    };
  });
}

export async function openRounds(variants: Variant[], options: BenchOptions, headers: Record<string, string>, log: (line: string) => void): Promise<OpenVariantResult[]> {
  const samples = await alternatingRounds(variants, options.openRounds, async (variant, round): Promise<OpenResult> => {
    const result = await openLoad({ url: variant.url, headers, rate: options.openRate, seconds: options.openSeconds, connections: options.connections, cpu: LOAD_CPU });
    log(`  open loop ${round} ${variant.id}: p50 ${result.p50Ms.toFixed(3)} ms, p99 ${result.p99Ms.toFixed(3)} ms`);
    return result;
  });
  return variants.map((variant) => {
    const list = samples.get(variant)!;
    return {
      variant,
      p50Ms: median(list.map((s) => s.p50Ms)),
      p90Ms: median(list.map((s) => s.p90Ms)),
      p99Ms: median(list.map((s) => s.p99Ms)),
      p999Ms: median(list.map((s) => s.p999Ms)),
      failures: list.reduce((sum, s) => sum + s.failures, 0),
    };
  });
}
