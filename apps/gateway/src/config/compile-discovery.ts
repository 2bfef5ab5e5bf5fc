import type { GatewaySnapshot } from '@tollgate/db';
import { type FoldState, joinPaths, openApiOperations, PathTemplater } from '@tollgate/domain';
import FindMyWay from 'find-my-way';
import { normalizeHost, type Router } from './host-routers';
import { toRouterPattern } from './router-pattern';

const NO_QUERY = Object.freeze({});

/** What the discover and block stages read from a snapshot. */
export interface CompiledDiscovery {
  /** Blocked templates; null when nothing is blocked (the block stage is then absent). */
  readonly blocked: BlockedEndpoints | null;
  /** The templater for a request's host: the spec's templates, the host's splits and merges. */
  templaterFor(host: string): PathTemplater;
  /** Whether some API serves this host and path prefix (discovery ignores paths of no API: scanners' noise). */
  serves(host: string, path: string): boolean;
  /** Whether an admin ignored this template (on this host or on every host): it is no longer counted. */
  ignores(host: string, method: string, template: string): boolean;
}

export class BlockedEndpoints {
  constructor(
    private readonly anyHost: Router,
    private readonly byHost: ReadonlyMap<string, Router>,
  ) {}

  /** 404 or 410 when the method and path are blocked on this host, else 0. */
  statusFor(hostHeader: string | undefined, method: string, path: string): number {
    const own = hostHeader !== undefined && this.byHost.size > 0 ? this.byHost.get(normalizeHost(hostHeader)) : undefined;
    const found = own?.find(method as FindMyWay.HTTPMethod, path) ?? this.anyHost.find(method as FindMyWay.HTTPMethod, path);
    return found === null ? 0 : (found.store as number);
  }
}

export function compileDiscovery(snapshot: GatewaySnapshot, foldState: FoldState, warn: (message: string) => void): CompiledDiscovery {
  const discovery = snapshot.discovery ?? { blocked: [], splits: [], merges: [] };
  const known: string[] = [];
  const mounts: { hosts: readonly string[]; basePath: string }[] = [];
  for (const api of snapshot.apis) {
    // The base path without its trailing slashes, trimmed once here rather than on every request.
    mounts.push({ hosts: api.hosts.map((host) => host.toLowerCase()), basePath: api.basePath.replace(/\/+$/, '') });
    for (const route of api.routes) known.push(joinPaths(api.basePath, route.path));
    for (const operation of openApiOperations(api.basePath, api.openapi)) known.push(operation.template);
  }
  const templaters = new Map<string, PathTemplater>();
  const ownDecisions = new Set([...discovery.splits, ...discovery.merges].map((decision) => decision.host).filter((host) => host !== ''));
  const templaterFor = (host: string): PathTemplater => {
    const key = ownDecisions.has(host) ? host : '';
    let templater = templaters.get(key);
    if (templater === undefined) {
      const mine = <T extends { host: string }>(list: readonly T[]) => list.filter((entry) => entry.host === '' || entry.host === key);
      templater = new PathTemplater({
        known,
        state: foldState,
        decisions: { splits: mine(discovery.splits).map((split) => split.template), merges: mine(discovery.merges).map((merge) => [merge.template, merge.into] as const) },
      });
      templaters.set(key, templater);
    }
    return templater;
  };
  const ignored = new Set((discovery.ignored ?? []).map((entry) => `${entry.host} ${entry.method} ${entry.template}`));
  return {
    blocked: compileBlocked(discovery.blocked, warn),
    templaterFor,
    serves: (host, path) => mounts.some((mount) => servesMount(mount, host, path)),
    ignores: (host, method, template) => ignored.size > 0 && (ignored.has(` ${method} ${template}`) || ignored.has(`${host} ${method} ${template}`)),
  };
}

function servesMount(mount: { hosts: readonly string[]; basePath: string }, host: string, path: string): boolean {
  if (mount.hosts.length > 0 && !mount.hosts.some((entry) => (entry.startsWith('*.') ? host.endsWith(entry.slice(1)) : entry === host))) return false;
  const base = mount.basePath;
  return base === '' || path === base || (path.startsWith(base) && path.charCodeAt(base.length) === 47);
}

function compileBlocked(blocked: NonNullable<GatewaySnapshot['discovery']>['blocked'], warn: (message: string) => void): BlockedEndpoints | null {
  if (blocked.length === 0) return null;
  const newRouter = (): Router => FindMyWay({ maxParamLength: 500, querystringParser: () => NO_QUERY });
  const anyHost = newRouter();
  const byHost = new Map<string, Router>();
  for (const entry of blocked) {
    let router = anyHost;
    if (entry.host !== '') {
      router = byHost.get(entry.host) ?? newRouter();
      byHost.set(entry.host, router);
    }
    const pattern = toRouterPattern(entry.template);
    const methods = entry.method === 'GET' ? ['GET', 'HEAD'] : [entry.method];
    for (const method of methods) {
      try {
        if (!router.hasRoute(method as FindMyWay.HTTPMethod, pattern)) router.on(method as FindMyWay.HTTPMethod, pattern, noop, entry.status);
      } catch (error) {
        warn(`discovery: blocked ${entry.method} ${entry.template} not served (${(error as Error).message})`);
      }
    }
  }
  return new BlockedEndpoints(anyHost, byHost);
}

function noop(): void {}
