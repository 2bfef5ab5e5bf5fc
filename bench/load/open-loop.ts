// Open-loop load: requests start on a fixed schedule (rate per second) whether or not
// earlier ones have finished, over a keep-alive pool; latency is measured from the
// moment a request was due, so queueing counts (no coordinated omission). Prints one
// JSON line with percentiles in milliseconds.
//
//   node --import tsx bench/load/open-loop.ts <url> <rate> <seconds> <connections> '<headers json>'
import { Pool } from 'undici';

const [url, rateText, secondsText, connectionsText, headersJson] = process.argv.slice(2);
const target = new URL(url!);
const rate = Number(rateText);
const warmup = Math.round(rate);
const total = warmup + Math.round(rate * Number(secondsText));
const headers = JSON.parse(headersJson ?? '{}') as Record<string, string>;
const pool = new Pool(target.origin, { connections: Number(connectionsText), pipelining: 1 });
const path = target.pathname + target.search;

const latencies = new Float64Array(total - warmup);
let done = 0;
let failures = 0;
let issued = 0;
const intervalMs = 1_000 / rate;
const start = performance.now();

function send(dueAt: number, slot: number): void {
  pool.request({ method: 'GET', path, headers }).then(
    async (response) => {
      await response.body.dump();
      if (response.statusCode < 200 || response.statusCode >= 300) failures++;
      finish(slot, dueAt);
    },
    () => {
      failures++;
      finish(slot, dueAt);
    },
  );
}

function finish(slot: number, dueAt: number): void {
  if (slot >= warmup) latencies[slot - warmup] = performance.now() - dueAt;
  if (++done === total) report();
}

function tick(): void {
  const due = Math.min(total, Math.floor((performance.now() - start) / intervalMs) + 1);
  while (issued < due) {
    send(start + issued * intervalMs, issued);
    issued++;
  }
  if (issued < total) setTimeout(tick, 1);
}

function report(): void {
  const sorted = latencies.sort();
  const at = (q: number) => Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(3));
  console.log(JSON.stringify({ sent: total - warmup, failures, p50Ms: at(0.5), p90Ms: at(0.9), p99Ms: at(0.99), p999Ms: at(0.999) }));
  void pool.close().then(() => process.exit(0));
}

tick();
