import { joinPaths } from '../path-template';
import type { CatalogOperation } from './classify-endpoint';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The document's operations under the base path, with and without its first server URL's path. */
export function openApiOperations(basePath: string, document: unknown): CatalogOperation[] {
  if (!isObject(document) || !isObject(document.paths)) return [];
  const serverPath = serverBasePath(document);
  const operations: CatalogOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    if (!isObject(item) || !path.startsWith('/')) continue;
    const methods = HTTP_METHODS.filter((method) => isObject(item[method])).map((method) => method.toUpperCase());
    operations.push({ template: joinPaths(basePath, path), methods });
    if (serverPath !== '') operations.push({ template: joinPaths(basePath, serverPath + path), methods });
  }
  return operations;
}

function serverBasePath(document: Json): string {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  const url = isObject(servers[0]) && typeof servers[0].url === 'string' ? servers[0].url : '';
  try {
    return new URL(url, 'http://relative.invalid').pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}
