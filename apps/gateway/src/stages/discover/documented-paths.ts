import { openApiOperations } from '@tollgate/domain';
import FindMyWay from 'find-my-way';
import type { CompiledApi } from '../../config/compiled-snapshot.types';
import { toRouterPattern } from '../../config/router-pattern';

const NO_QUERY = Object.freeze({});
const byApi = new WeakMap<CompiledApi, DocumentedPaths | null>();

/** The concrete paths and methods an API's OpenAPI document describes, as a router. */
export class DocumentedPaths {
  constructor(private readonly router: FindMyWay.Instance<FindMyWay.HTTPVersion.V1>) {}

  describes(method: string, path: string): boolean {
    return this.router.find(method as FindMyWay.HTTPMethod, path) !== null;
  }
}

/** Built once per API and snapshot; null when the API has no document. */
export function documentedPaths(api: CompiledApi): DocumentedPaths | null {
  let documented = byApi.get(api);
  if (documented !== undefined) return documented;
  const operations = openApiOperations(api.basePath, api.openapi);
  if (api.openapi === null || typeof api.openapi !== 'object') documented = null;
  else {
    const router = FindMyWay({ maxParamLength: 500, querystringParser: () => NO_QUERY });
    for (const operation of operations) {
      for (const method of operation.methods.includes('GET') ? [...operation.methods, 'HEAD'] : operation.methods) {
        try {
          router.on(method as FindMyWay.HTTPMethod, toRouterPattern(operation.template), noop);
        } catch {
          // Two document paths of one shape (`/a/{x}` and `/a/{y}`): the first one covers both.
        }
      }
    }
    documented = new DocumentedPaths(router);
  }
  byApi.set(api, documented);
  return documented;
}

function noop(): void {}
