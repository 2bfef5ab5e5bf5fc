// Where the gateway's CPU goes on the benchmark's request: the full policy chain under
// closed-loop load with `node --cpu-prof`, then the functions with the most self time.
//
//   npx tsx bench/profile-gateway.ts [--seconds 10] [--top 30]
import { readdirSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { closedLoad, HAS_WRK } from './lib/load';
import { BENCH_PATH, prepareTollgate, startTollgate } from './lib/tollgate';
import { LOAD_CPU, nodeServer, PROXY_CPU } from './lib/variants';
import { numberArg } from './lib/options';

const seconds = numberArg('seconds', 10);
const top = numberArg('top', 30);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const upstream = await nodeServer('upstream', 'upstream.ts', [], LOAD_CPU);
const setup = await prepareTollgate(`http://127.0.0.1:${upstream.match[1]}`);
const dir = mkdtempSync(join(tmpdir(), 'tollgate-bench-profile-'));
const gateway = await startTollgate(setup, PROXY_CPU, {}, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
const load = { tool: HAS_WRK ? ('wrk' as const) : ('autocannon' as const), url: `http://127.0.0.1:${gateway.port}${BENCH_PATH}`, headers: { 'x-api-key': setup.key }, connections: 50, cpu: LOAD_CPU };
await closedLoad({ ...load, seconds: 3 });
// V8's profile clock and hrtime are both CLOCK_MONOTONIC: keep only the samples taken under load.
const windowStart = Number(process.hrtime.bigint() / 1000n);
const result = await closedLoad({ ...load, seconds });
const windowEnd = Number(process.hrtime.bigint() / 1000n);
await gateway.child.stop();
await upstream.stop();
await setup.dispose();

const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
if (!file) throw new Error(`no profile written in ${dir}`);
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<string, number>();
const areas = new Map<string, number>();
let total = 0;
let at = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  at += profile.timeDeltas[i]!;
  if (at < windowStart || at > windowEnd) continue;
  const { functionName, url, lineNumber } = byId.get(profile.samples[i]!)!.callFrame;
  if (functionName === '(idle)') continue;
  total++;
  const path = url ? relative(process.cwd(), url.replace('file://', '')) : '';
  const key = `${functionName || '(anonymous)'} ${path ? `${path}:${lineNumber + 1}` : ''}`.trim();
  self.set(key, (self.get(key) ?? 0) + 1);
  const area = path.startsWith('node_modules/') ? path.split('/').slice(1, path.startsWith('node_modules/@') ? 3 : 2).join('/') : path.startsWith('node:') ? path.split('/')[0]!.replace(/_.*$/, '') : path.startsWith('apps/') || path.startsWith('packages/') ? path.split('/').slice(0, 4).join('/') : functionName;
  areas.set(area, (areas.get(area) ?? 0) + 1);
}
const table = (title: string, map: Map<string, number>) => {
  console.log(`| self time | ${title} |\n| ---: | --- |`);
  for (const [key, hits] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${((hits / total) * 100).toFixed(1)}% | \`${key}\` |`);
  console.log('');
};
console.log(`${Math.round(result.rps)} req/s for ${seconds} s; ${total} busy samples under load (idle excluded); ${join(dir, file)}\n`);
table('area (package, node module or source folder)', areas);
table('function', self);
process.exit(0);
