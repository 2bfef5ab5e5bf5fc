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

function proxyCpu(variant: Variant): number {
  return variant.child ? cpuMicros(processTree(variant.child.pid)) : 0;
}

export async function closedRounds(variants: Variant[], options: BenchOptions, headers: Record<string, string>, log: (line: string) => void): Promise<VariantResult[]> {
  const load = (variant: Variant, seconds: number) => closedLoad({ tool: options.tool, url: variant.url, headers, connections: options.connections, seconds, cpu: LOAD_CPU });
  for (const variant of variants) {
    const warm = await load(variant, options.warmupSeconds);
    log(`  warm-up ${variant.id}: ${Math.round(warm.rps)} req/s${warm.failures ? `, ${warm.failures} failures` : ''}`);
  }
  const samples = new Map<Variant, Array<{ rps: number; p50Ms: number; p99Ms: number; cpuUs: number; requests: number; failures: number }>>();
  for (let round = 1; round <= options.rounds; round++) {
    // Alternate the order between rounds so no variant always runs right after another.
    const order = round % 2 ? variants : [...variants].reverse();
    for (const variant of order) {
      const before = proxyCpu(variant);
      const result = await load(variant, options.roundSeconds);
      const cpuUs = (proxyCpu(variant) - before) / result.requests;
      (samples.get(variant) ?? samples.set(variant, []).get(variant)!).push({ ...result, cpuUs });
      log(`  round ${round} ${variant.id}: ${Math.round(result.rps)} req/s, p99 ${result.p99Ms.toFixed(2)} ms, ${variant.child ? `${cpuUs.toFixed(1)} µs CPU/req` : ''}`);
    }
  }
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
  const samples = new Map<Variant, OpenResult[]>();
  for (let round = 1; round <= options.openRounds; round++) {
    const order = round % 2 ? variants : [...variants].reverse();
    for (const variant of order) {
      const result = await openLoad({ url: variant.url, headers, rate: options.openRate, seconds: options.openSeconds, connections: options.connections, cpu: LOAD_CPU });
      (samples.get(variant) ?? samples.set(variant, []).get(variant)!).push(result);
      log(`  open loop ${round} ${variant.id}: p50 ${result.p50Ms.toFixed(3)} ms, p99 ${result.p99Ms.toFixed(3)} ms`);
    }
  }
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
