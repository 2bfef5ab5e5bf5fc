import { openApiOperations, templateCovers } from '@tollgate/domain';
import type { CompiledRoute } from '../../config/compiled-snapshot.types';
import { documentedPaths, type DocumentedPaths } from './documented-paths';

/**
 * What discovery watches on a route: `unmatched` (no route: requests no route matched),
 * `every` (a deprecated API: every call is a zombie call), the API's document (calls it
 * does not describe), or undefined when the document describes every method of the route.
 */
export function discoveryScope(route: CompiledRoute | null): DocumentedPaths | 'unmatched' | 'every' | undefined {
  if (route === null) return 'unmatched';
  if (route.api.status === 'deprecated') return 'every';
  const documented = documentedPaths(route.api);
  if (documented === null) return undefined;
  const operations = openApiOperations(route.api.basePath, route.api.openapi);
  const sameShape = (template: string) => templateCovers(template, route.template) && templateCovers(route.template, template);
  const fullyDocumented = !route.template.endsWith('*') && route.methods.every((method) => operations.some((operation) => operation.methods.includes(method) && sameShape(operation.template)));
  return fullyDocumented ? undefined : documented;
}
