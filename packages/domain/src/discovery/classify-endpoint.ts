import { templateCovers, underBasePath } from './match-template';

/** What discovery says about an endpoint; `orphan` comes from missing traffic, see listing. */
export type DiscoveryKind = 'shadow' | 'zombie' | 'undocumented-method' | 'orphan';

export interface CatalogOperation {
  /** Full path template, base path included. */
  readonly template: string;
  readonly methods: readonly string[];
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
}

export interface Classification {
  /** null: the endpoint is documented, nothing to report. */
  readonly kind: Exclude<DiscoveryKind, 'orphan'> | null;
  readonly apiId: string | null;
}

/**
 * Classifies an observed endpoint against the catalog: the API that owns it (host and
 * the longest base path), then **zombie** when that API is deprecated or retired or the
 * path was a route once and is gone, **undocumented-method** when the path is documented
 * under other methods, **shadow** when nothing documents the path, else documented.
 */
export function classifyEndpoint(catalog: readonly CatalogApi[], endpoint: { host: string; method: string; template: string }): Classification {
  const api = owningApi(catalog, endpoint.host, endpoint.template);
  if (api === null) return { kind: 'shadow', apiId: null };
  if (api.status === 'deprecated' || api.status === 'retired') return { kind: 'zombie', apiId: api.id };
  const method = endpoint.method.toUpperCase();
  const sameMethod = (operation: CatalogOperation) => operation.methods.includes(method) || (method === 'HEAD' && operation.methods.includes('GET'));
  const paths = api.documented.filter((operation) => !operation.template.endsWith('*') && templateCovers(operation.template, endpoint.template));
  if (paths.some(sameMethod)) return { kind: null, apiId: api.id };
  if (api.former.some((operation) => sameMethod(operation) && templateCovers(operation.template, endpoint.template))) return { kind: 'zombie', apiId: api.id };
  if (paths.length > 0) return { kind: 'undocumented-method', apiId: api.id };
  return { kind: 'shadow', apiId: api.id };
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
