// The processes a run compares, started once and kept up for the whole run: the upstream,
// then each proxy in front of it. The load generator and the upstream share one CPU,
// each proxy gets the other (the same for every variant).
import { availableParallelism } from 'node:os';
import { startChild, TSX, type Child } from './child';
import { HAS_NGINX, startNginx } from './nginx';
import { BENCH_PATH, prepareTollgate, startTollgate, type RunningTollgate, type TollgateSetup } from './tollgate';

const PINNED = availableParallelism() >= 2;
export const PROXY_CPU = PINNED ? '0' : undefined;
export const LOAD_CPU = PINNED ? '1' : undefined;

export interface Variant {
  /** `tollgate (NAME=value;...)`: a gateway with environment overrides (bench/compare-gateway.ts). */
  id: 'direct' | 'floor' | 'nginx' | 'fastify' | 'tollgate' | 'tollgate-no-access-log' | `tollgate (${string})`;
  label: string;
  url: string;
  /** The proxy process whose CPU and memory are measured (none for the direct call). */
  child: Child | null;
}

export interface Lineup {
  variants: Variant[];
  upstream: Child;
  tollgate: RunningTollgate;
  setup: TollgateSetup;
  notes: string[];
  stop(): Promise<void>;
}

/** A Node server from bench/servers/, ready once it prints `ready <port>`. */
export function nodeServer(name: string, script: string, args: string[], cpu: string | undefined): Promise<Child> {
  return startChild({ name, command: process.execPath, args: [...TSX, new URL(`../servers/${script}`, import.meta.url).pathname, ...args], cpu, ready: /ready (\d+)/ });
}

const url = (port: number | string) => `http://127.0.0.1:${port}${BENCH_PATH}`;

/** `withoutAccessLog` adds a second Tollgate with GATEWAY_ACCESS_LOG=0, to show what the access log costs. */
export async function startLineup(withoutAccessLog: boolean): Promise<Lineup> {
  const notes: string[] = [];
  const children: Child[] = [];
  let setup: TollgateSetup | undefined;
  try {
    const upstream = await nodeServer('upstream', 'upstream.ts', [], LOAD_CPU);
    children.push(upstream);
    const upstreamPort = upstream.match[1]!;
    const floor = await nodeServer('floor', 'floor-proxy.ts', [upstreamPort], PROXY_CPU);
    children.push(floor);
    const fastify = await nodeServer('fastify', 'fastify-proxy.ts', [upstreamPort], PROXY_CPU);
    children.push(fastify);
    const nginx = HAS_NGINX ? await startNginx(Number(upstreamPort), PROXY_CPU) : null;
    if (nginx) children.push(nginx.child);
    else notes.push('nginx: not installed, skipped (Debian: apt-get install nginx)');
    setup = await prepareTollgate(`http://127.0.0.1:${upstreamPort}`);
    const tollgate = await startTollgate(setup, PROXY_CPU);
    children.push(tollgate.child);
    const quiet = withoutAccessLog ? await startTollgate(setup, PROXY_CPU, { GATEWAY_ACCESS_LOG: '0' }) : null;
    if (quiet) children.push(quiet.child);
    const variants: Variant[] = [
      { id: 'direct', label: 'direct to the upstream (no proxy)', url: url(upstreamPort), child: null },
      { id: 'floor', label: 'Node floor (node:http + undici Pool)', url: url(floor.match[1]!), child: floor },
      ...(nginx ? [{ id: 'nginx' as const, label: 'nginx (plain reverse proxy)', url: url(nginx.port), child: nginx.child }] : []),
      { id: 'fastify', label: '@fastify/http-proxy', url: url(fastify.match[1]!), child: fastify },
      { id: 'tollgate', label: 'Tollgate, full policy chain', url: url(tollgate.port), child: tollgate.child },
      ...(quiet ? [{ id: 'tollgate-no-access-log' as const, label: 'Tollgate, full chain without the access log', url: url(quiet.port), child: quiet.child }] : []),
    ];
    const done = setup;
    return {
      variants,
      upstream,
      tollgate,
      setup,
      notes,
      stop: async () => {
        await Promise.all(children.map((child) => child.stop()));
        await done.dispose();
      },
    };
  } catch (error) {
    await Promise.all(children.map((child) => child.stop()));
    await setup?.dispose();
    throw error;
  }
}
