import type { GatewaySnapshot } from '@tollgate/db';
import { joinPaths } from '@tollgate/domain';
import FindMyWay from 'find-my-way';
import { createUpstreamBalancer } from '../adapters/upstream/upstream-balancer';
import { REQUEST_PHASES, type BoundStage, type GatewayServices, type Stage, type StageScope } from '../pipeline/types';
import { STAGES } from '../stages';
import type { CompiledApi, CompiledRoute, CompiledSnapshot, ConfigSource } from './compiled-snapshot.types';
import { indexSnapshot, type PrebuiltKeys } from './index-snapshot';
import { toRouterPattern } from './router-pattern';

/** Above this many routes the router walks its tree instead of generating code. */
const GENERATED_ROUTER_LIMIT = 1_000;
const NO_QUERY = Object.freeze({});

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
  const router = FindMyWay({ maxParamLength: 500, querystringParser: () => NO_QUERY });
  const routes: CompiledRoute[] = [];
  const origins = new Set<string>();

  for (const api of snapshot.apis) {
    const upstream = api.upstream ? createUpstreamBalancer(api.upstream, services.pools) : null;
    for (const target of upstream?.targets ?? []) origins.add(target.origin);
    if (!upstream?.targets.length) warn(`api ${api.slug}: no upstream target with weight > 0; its routes answer 503`);
    const compiledApi: CompiledApi = {
      id: api.id,
      slug: api.slug,
      name: api.name,
      basePath: api.basePath,
      upstream,
      upstreamSettings: api.upstream?.settings ?? null,
      policies: api.policies,
    };
    for (const source of api.routes) {
      const route: CompiledRoute = {
        id: source.id,
        key: source.key,
        api: compiledApi,
        template: joinPaths(api.basePath, source.path),
        methods: source.methods,
        auth: source.auth,
        allowQueryKey: source.allowQueryKey,
        stripBasePath: source.stripBasePath,
        rewrite: source.rewrite,
        weight: source.weight,
        policies: source.policies,
        metrics: services.metrics.forRoute(api.slug, source.key),
        main: [],
        after: [],
      };
      const scope: StageScope = { route, index, services, warn };
      for (const stage of stages) {
        if (REQUEST_PHASES.has(stage.phase)) continue;
        const config = stage.configure(scope);
        if (config === undefined) continue;
        (stage.phase === 'record' ? route.after : route.main).push({ stage, config });
      }
      if (register(router, route, route.methods, warn)) routes.push(route);
    }
  }
  // HEAD follows GET wherever no route claims HEAD itself.
  for (const route of routes) {
    if (route.methods.includes('GET') && !route.methods.includes('HEAD') && !router.hasRoute('HEAD', toRouterPattern(route.template))) {
      register(router, route, ['HEAD'], warn);
    }
  }
  if (routes.length <= GENERATED_ROUTER_LIMIT) router.compile();

  const requestScope: StageScope = { route: null, index, services, warn };
  const entry: BoundStage[] = [];
  const after: BoundStage[] = [];
  for (const stage of stages) {
    const isRequestPhase = REQUEST_PHASES.has(stage.phase);
    if (!isRequestPhase && stage.phase !== 'record') continue;
    const config = stage.configure(requestScope);
    if (config !== undefined) (isRequestPhase ? entry : after).push({ stage, config });
  }

  return { revision: snapshot.revision, loadedAt: snapshot.loadedAt, source, index, router, routes, entry, after, origins, warnings };
}

function register(router: FindMyWay.Instance<FindMyWay.HTTPVersion.V1>, route: CompiledRoute, methods: readonly string[], warn: (message: string) => void): boolean {
  try {
    router.on(methods as FindMyWay.HTTPMethod[], toRouterPattern(route.template), noop, route);
    return true;
  } catch (error) {
    warn(`api ${route.api.slug} route ${route.key}: not served (${(error as Error).message})`);
    return false;
  }
}

function noop(): void {}
