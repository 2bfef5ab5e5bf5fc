import { templateCovers, underBasePath } from './match-template';

/** What discovery says about an endpoint; `orphan` comes from missing traffic, see listing. */
export type DiscoveryKind = 'shadow' | 'zombie' | 'undocumented-method' | 'orphan';

export interface CatalogOperation {
  /** Full path template, base path included. */
  readonly template: string;
  readonly methods: readonly string[];
  /** A route of the gateway rather than an operation of the OpenAPI document. */
  readonly route?: boolean;
}

export interface CatalogApi {
  readonly id: string;
  readonly basePath: string;
  /** Host names or `*.suffix`; empty for every host. */
  readonly hosts: readonly string[];
  readonly status: 'draft' | 'published' | 'deprecated' | 'retired';
  /** Routes and OpenAPI operations the API documents now (routes ending in `*` document nothing). */
  readonly documented: readonly CatalogOperation[];
  /** Routes the API had once (seen in its usage) and has no more. */
  readonly former: readonly CatalogOperation[];
  /** Operations the API's OpenAPI document described once and describes no more. */
  readonly removedFromSpec: readonly CatalogOperation[];
}

export interface Classification {
  /** null: the endpoint is documented, nothing to report. */
  readonly kind: Exclude<DiscoveryKind, 'orphan'> | null;
  readonly apiId: string | null;
  /** Why a zombie is one; null for the other kinds. */
  readonly reason: ZombieReason | null;
}

export type ZombieReason = 'API deprecated' | 'API retired' | 'route removed' | 'removed from the spec';

/**
 * Classifies an observed endpoint against the catalog: the API that owns it (host and
 * the longest base path), then **zombie** when that API is deprecated or retired, when
 * its document described the operation once and no operation of the document covers it
 * now (a route left behind does not make it documented), or when the path was a route
 * once and is gone, **undocumented-method** when the path is documented
 * under other methods, **shadow** when nothing documents the path, else documented.
 */
export function classifyEndpoint(catalog: readonly CatalogApi[], endpoint: { host: string; method: string; template: string }): Classification {
  const api = owningApi(catalog, endpoint.host, endpoint.template);
  if (api === null) return { kind: 'shadow', apiId: null, reason: null };
  const found = (kind: Classification['kind'], reason: ZombieReason | null = null): Classification => ({ kind, apiId: api.id, reason });
  if (api.status === 'deprecated' || api.status === 'retired') return found('zombie', api.status === 'deprecated' ? 'API deprecated' : 'API retired');
  const method = endpoint.method.toUpperCase();
  const sameMethod = (operation: CatalogOperation) => operation.methods.includes(method) || (method === 'HEAD' && operation.methods.includes('GET'));
  const covers = (operation: CatalogOperation) => templateCovers(operation.template, endpoint.template);
  const paths = api.documented.filter((operation) => !operation.template.endsWith('*') && covers(operation));
  const removed = api.removedFromSpec.some((operation) => sameMethod(operation) && covers(operation));
  if (removed && !paths.some((operation) => sameMethod(operation) && operation.route !== true)) return found('zombie', 'removed from the spec');
  if (paths.some(sameMethod)) return found(null);
  if (api.former.some((operation) => sameMethod(operation) && covers(operation))) return found('zombie', 'route removed');
  if (paths.length > 0) return found('undocumented-method');
  return found('shadow');
}

function owningApi(catalog: readonly CatalogApi[], host: string, template: string): CatalogApi | null {
  let best: CatalogApi | null = null;
  for (const api of catalog) {
    if (!hostMatches(api.hosts, host) || !underBasePath(api.basePath, template)) continue;
    if (best === null || api.basePath.length > best.basePath.length || (api.hosts.length > 0 && best.hosts.length === 0)) best = api;
  }
  return best;
}

function hostMatches(hosts: readonly string[], host: string): boolean {
  if (hosts.length === 0 || host === '') return true;
  const name = host.toLowerCase();
  return hosts.some((entry) => {
    const want = entry.toLowerCase();
    return want.startsWith('*.') ? name.endsWith(want.slice(1)) && name.indexOf('.') === name.length - want.length + 1 : want === name;
  });
}
