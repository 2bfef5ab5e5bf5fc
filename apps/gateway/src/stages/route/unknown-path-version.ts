import type { CompiledRoute } from '../../config/compiled-snapshot.types';

/**
 * For a 404 under an API with path versions: `; "v9" is not a version of API weather
 * (v1, v2)` when the segment after the basePath names no version, else ''.
 */
export function unknownPathVersion(routes: readonly CompiledRoute[], path: string): string {
  for (const route of routes) {
    const api = route.api;
    if (api.versions.length === 0 || route.version === null || route.stripPrefix === api.basePath) continue;
    const base = api.basePath === '/' ? '' : api.basePath;
    if (!path.startsWith(`${base}/`)) continue;
    const segment = path.slice(base.length + 1).split('/', 1)[0]!;
    const matches = new Set(routes.filter((other) => other.api === api && other.stripPrefix !== api.basePath && other.version !== null).map((other) => other.stripPrefix.slice(base.length + 1)));
    if (matches.has(segment)) return '';
    return `; "${segment}" is not a version of API ${api.slug} (${[...matches].join(', ')})`;
  }
  return '';
}
