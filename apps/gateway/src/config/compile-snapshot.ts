import type { GatewaySnapshot, SnapshotApi, SnapshotApiVersion, SnapshotRoute } from '@tollgate/db';
import { FoldState, joinPaths } from '@tollgate/domain';
import FindMyWay from 'find-my-way';
import { createUpstreamBalancer, type UpstreamBalancer } from '../adapters/upstream/upstream-balancer';
import { REQUEST_PHASES, type BoundStage, type GatewayServices, type Stage, type StageScope } from '../pipeline/types';
import { STAGES } from '../stages';
import type { CompiledApi, CompiledRoute, CompiledSnapshot, ConfigSource } from './compiled-snapshot.types';
import { misconfigured } from '../stages/misconfigured';
import { compileDiscovery } from './compile-discovery';
import { indexSnapshot, type PrebuiltKeys } from './index-snapshot';
import { DEFAULT_API_POLICIES, DEFAULT_ROUTE_POLICIES, parseApiPolicies, parseRoutePolicies } from './parse-policies';
import { HostRouters, type Router } from './host-routers';
import { toRouterPattern } from './router-pattern';
import { VersionSwitch } from './version-switch';

/** Above this many routes the router walks its tree instead of generating code. */
const GENERATED_ROUTER_LIMIT = 1_000;
const NO_QUERY = Object.freeze({});
const ANY_HOST = '';
const DEFAULT_VERSION_HEADER = 'api-version';

/** One method + path pattern to register, with what it finds. */
interface Mount {
  readonly method: string;
  readonly pattern: string;
  readonly store: CompiledRoute | VersionSwitch;
  readonly label: string;
  /** Shadowed without a warning when a mount before it claims the same method and path. */
  readonly quiet: boolean;
}

/**
 * Turns a snapshot into what the request path reads: one router over every route, per
 * route the stages that apply with their config already parsed, and the key and
 * subscription lookups. Runs on every reload, never per request.
 */
export function compileSnapshot(
  snapshot: GatewaySnapshot,
  source: ConfigSource,
  services: GatewayServices,
  stages: readonly Stage[] = STAGES,
  keys?: PrebuiltKeys,
): CompiledSnapshot {
  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(message);
  const index = indexSnapshot(snapshot, warn, keys);
  const discovery = compileDiscovery(snapshot, services.discovery?.foldState ?? new FoldState(), warn);
  const mounts = new Map<string, Mount[]>([[ANY_HOST, []]]);
  const served = new Set<CompiledRoute>();
  const origins = new Set<string>();

  // Every API's balancer first: a route may call another API's upstream (aggregate backends).
  const upstreams = new Map<string, UpstreamBalancer | null>();
  for (const api of snapshot.apis) upstreams.set(api.slug, api.upstream ? createUpstreamBalancer(api.upstream, services.pools) : null);

  for (const api of snapshot.apis) {
    const upstream = upstreams.get(api.slug)!;
    for (const target of upstream?.targets ?? []) origins.add(target.origin);
    if (!upstream?.targets.length) warn(`api ${api.slug}: no upstream target with weight > 0; its routes answer 503`);
    const versions = api.versions ?? [];
    const apiPolicies = parseApiPolicies(api.policies);
    if (!apiPolicies.ok) warn(`api ${api.slug}: its policies do not parse, its routes answer 503 (${apiPolicies.reason})`);
    const compiledApi: CompiledApi = {
      id: api.id,
      slug: api.slug,
      name: api.name,
      basePath: api.basePath,
      hosts: api.hosts,
      versions: versions.map((version) => version.name),
      upstream,
      upstreamSettings: api.upstream?.settings ?? null,
      policies: apiPolicies.ok ? apiPolicies.value : DEFAULT_API_POLICIES,
      status: api.status,
      deprecatedAt: api.deprecatedAt ?? null,
      sunsetAt: api.sunsetAt ?? null,
      openapi: api.openapi ?? null,
    };
    const compileRoute = (source: SnapshotRoute, prefix: string, version: string | null): CompiledRoute => {
      const routePolicies = parseRoutePolicies(source.policies);
      const route: CompiledRoute = {
        id: source.id,
        key: source.key,
        api: compiledApi,
        template: joinPaths(prefix, source.path),
        stripPrefix: prefix === '/' ? '' : prefix,
        version,
        methods: source.methods,
        auth: source.auth,
        allowQueryKey: source.allowQueryKey,
        stripBasePath: source.stripBasePath,
        rewrite: source.rewrite,
        weight: source.weight,
        policies: routePolicies.ok ? routePolicies.value : DEFAULT_ROUTE_POLICIES,
        metrics: services.metrics.forRoute(api.slug, source.key),
        main: [],
        after: [],
      };
      const scope: StageScope = { route, index, services, discovery, warn, upstreams };
      const locked = !apiPolicies.ok ? apiPolicies.reason : !routePolicies.ok ? routePolicies.reason : null;
      if (locked !== null) {
        if (!routePolicies.ok) warn(`api ${api.slug} route ${source.key}: its policies do not parse, it answers 503 (${routePolicies.reason})`);
        route.main.push({ stage: misconfigured, config: locked });
      }
      for (const stage of locked === null ? stages : stages.filter((stage) => stage.phase === 'record')) {
        if (REQUEST_PHASES.has(stage.phase)) continue;
        const config = stage.configure(scope);
        if (config === undefined) continue;
        (stage.phase === 'record' ? route.after : route.main).push({ stage, config });
      }
      return route;
    };
    const apiMounts = mountApi(api, compiledApi.policies.versionHeader, versions, compileRoute, warn);
    const hosts = api.hosts.length === 0 ? [ANY_HOST] : [...new Set(api.hosts.map(hostKey))];
    for (const host of hosts) {
      let list = mounts.get(host);
      if (!list) mounts.set(host, (list = []));
      list.push(...apiMounts);
    }
  }

  const shared = mounts.get(ANY_HOST)!;
  let mountCount = 0;
  for (const list of mounts.values()) mountCount += list.length;
  const generated = mountCount + shared.length * (mounts.size - 1) <= GENERATED_ROUTER_LIMIT;
  const fallback = buildRouter(shared, generated, warn, served);
  const exact = new Map<string, Router>();
  const wildcard = new Map<string, Router>();
  for (const [host, own] of mounts) {
    if (host === ANY_HOST) continue;
    const isWildcard = host.startsWith('*.');
    // An exact host also serves the APIs of the wildcard covering it; APIs without hosts come last.
    const covering = isWildcard ? [] : (mounts.get(`*.${host.slice(host.indexOf('.') + 1)}`) ?? []);
    const router = buildRouter([...own, ...covering.map(quiet), ...shared.map(quiet)], generated, warn, served);
    if (isWildcard) wildcard.set(host.slice(2), router);
    else exact.set(host, router);
  }
  const routers = new HostRouters(fallback, exact, wildcard);
  const router = fallback;
  const routes = [...served];

  const requestScope: StageScope = { route: null, index, services, discovery, warn };
  const entry: BoundStage[] = [];
  const after: BoundStage[] = [];
  for (const stage of stages) {
    const isRequestPhase = REQUEST_PHASES.has(stage.phase);
    if (!isRequestPhase && stage.phase !== 'record') continue;
    const config = stage.configure(requestScope);
    if (config !== undefined) (isRequestPhase ? entry : after).push({ stage, config });
  }

  return { revision: snapshot.revision, loadedAt: snapshot.loadedAt, source, index, router, routers, routes, entry, after, origins, discovery, warnings };
}

const quiet = (mount: Mount): Mount => (mount.quiet ? mount : { ...mount, quiet: true });

/** Lower-cased host name or `*.suffix` wildcard, without a trailing dot or port. */
function hostKey(host: string): string {
  const lower = host.trim().toLowerCase().replace(/\.$/, '');
  return lower.startsWith('*.') ? lower : lower.replace(/:\d+$/, '');
}

/**
 * The mounts of one API. Without versions each route mounts once under the basePath.
 * Path versions mount a version's routes under `basePath/match` (and the default
 * version's also under the bare basePath); routes without a version mount under every
 * one of those prefixes. Header versions mount each method + path once, as a switch
 * over the version header.
 */
function mountApi(
  api: SnapshotApi,
  versionHeader: string | undefined,
  versions: readonly SnapshotApiVersion[],
  compileRoute: (source: SnapshotRoute, prefix: string, version: string | null) => CompiledRoute,
  warn: (message: string) => void,
): Mount[] {
  const mounts: Mount[] = [];
  const byName = new Map(versions.map((version) => [version.name, version]));
  for (const source of api.routes) {
    const version = source.version ?? null;
    if (version !== null && !byName.has(version)) warn(`api ${api.slug} route ${source.key}: unknown version ${version}; not served`);
  }
  const routesOf = (name: string | null) => api.routes.filter((source) => (source.version ?? null) === name);
  const label = (source: SnapshotRoute) => `api ${api.slug} route ${source.key}`;
  const plain = (route: CompiledRoute, source: SnapshotRoute, quietMount: boolean) => {
    for (const method of route.methods) mounts.push({ method, pattern: toRouterPattern(route.template), store: route, label: label(source), quiet: quietMount });
  };

  if (versions.length === 0) {
    for (const source of routesOf(null)) plain(compileRoute(source, api.basePath, null), source, false);
    return mounts;
  }
  const pathVersions = versions.filter((version) => version.selector === 'path');
  const headerVersions = versions.filter((version) => version.selector === 'header');
  if (pathVersions.length > 0 && headerVersions.length > 0) warn(`api ${api.slug}: versions mix path and header selectors; header versions ignored`);

  if (pathVersions.length > 0) {
    const defaultVersion = pathVersions.find((version) => version.isDefault);
    for (const version of pathVersions) {
      const prefix = joinPaths(api.basePath, `/${version.match}`);
      for (const source of routesOf(version.name)) {
        plain(compileRoute(source, prefix, version.name), source, false);
        if (version === defaultVersion) plain(compileRoute(source, api.basePath, version.name), source, false);
      }
    }
    for (const source of routesOf(null)) {
      for (const version of pathVersions) plain(compileRoute(source, joinPaths(api.basePath, `/${version.match}`), version.name), source, true);
      plain(compileRoute(source, api.basePath, defaultVersion?.name ?? null), source, defaultVersion !== undefined);
    }
    return mounts;
  }

  const header = versionHeader !== undefined && versionHeader !== '' ? versionHeader.toLowerCase() : DEFAULT_VERSION_HEADER;
  const matches = new Set(headerVersions.map((version) => version.match));
  const defaultMatch = headerVersions.find((version) => version.isDefault)?.match ?? null;
  const switches = new Map<string, VersionSwitch>();
  for (const source of api.routes) {
    const version = source.version === null || source.version === undefined ? null : byName.get(source.version);
    if (version === undefined) continue;
    const route = compileRoute(source, api.basePath, version?.name ?? null);
    const pattern = toRouterPattern(route.template);
    for (const method of route.methods) {
      const key = `${method} ${pattern}`;
      let entry = switches.get(key);
      if (!entry) {
        switches.set(key, (entry = new VersionSwitch(header, matches, defaultMatch)));
        mounts.push({ method, pattern, store: entry, label: label(source), quiet: false });
      }
      if (version === null) entry.shared = route;
      else entry.byMatch.set(version.match, route);
    }
  }
  return mounts;
}

/** Registers the mounts in order (the first claim of a method + path wins); HEAD follows GET where nothing claims HEAD. */
function buildRouter(mounts: readonly Mount[], generated: boolean, warn: (message: string) => void, served: Set<CompiledRoute>): Router {
  const router: Router = FindMyWay({ maxParamLength: 500, querystringParser: () => NO_QUERY });
  const registered: Mount[] = [];
  for (const mount of mounts) {
    if (mount.quiet && router.hasRoute(mount.method as FindMyWay.HTTPMethod, mount.pattern)) continue;
    if (!register(router, mount, mount.method, warn)) continue;
    registered.push(mount);
    if (mount.store instanceof VersionSwitch) {
      if (mount.store.shared !== null) served.add(mount.store.shared);
      for (const route of mount.store.byMatch.values()) served.add(route);
    } else served.add(mount.store);
  }
  for (const mount of registered) {
    if (mount.method === 'GET' && !router.hasRoute('HEAD', mount.pattern)) register(router, mount, 'HEAD', warn);
  }
  if (generated) router.compile();
  return router;
}

function register(router: Router, mount: Mount, method: string, warn: (message: string) => void): boolean {
  try {
    router.on(method as FindMyWay.HTTPMethod, mount.pattern, noop, mount.store);
    return true;
  } catch (error) {
    if (!mount.quiet) warn(`${mount.label}: not served (${(error as Error).message})`);
    return false;
  }
}

function noop(): void {}
