// The OpenAPI document lists every admin API handler, and nothing that has none: the
// route files under app/api/admin/v1 and ADMIN_ENDPOINTS are compared method by method.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_ENDPOINTS } from './admin-endpoints';

const ROOT = join(import.meta.dirname, '../../app/api/admin/v1');
/** Not resources: the document itself, and the catch-all that answers 404 problem+json. */
const NOT_DESCRIBED = new Set(['/openapi.json', '/{...rest}']);

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? routeFiles(join(dir, entry.name)) : entry.name === 'route.ts' ? [join(dir, entry.name)] : []));
}

function handledOperations(): string[] {
  return routeFiles(ROOT).flatMap((file) => {
    const path = `/${relative(ROOT, file).split(sep).slice(0, -1).join('/')}`.replace(/\[([^\]]+)\]/g, '{$1}').replace(/\/$/, '') || '/';
    if (NOT_DESCRIBED.has(path)) return [];
    const source = readFileSync(file, 'utf8');
    const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b|as (GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) => (match[1] ?? match[2])!.toLowerCase());
    return methods.map((method) => `${method} ${path}`);
  });
}

describe('admin API handlers and the OpenAPI document', () => {
  it('describe the same operations', () => {
    const handled = handledOperations().sort();
    // One handler serves each action of a record (`/subscriptions/{id}/{action}`): the document lists the actions.
    const actionHandlers = handled.filter((operation) => operation.endsWith('/{action}')).map((operation) => operation.slice(0, -'{action}'.length));
    const asHandled = (operation: string) => {
      const prefix = actionHandlers.find((handler) => operation.startsWith(handler) && !operation.slice(handler.length).includes('/'));
      return prefix === undefined ? operation : `${prefix}{action}`;
    };
    const described = [...new Set(ADMIN_ENDPOINTS.map((endpoint) => asHandled(`${endpoint.method} ${endpoint.path}`)))].sort();
    expect(handled.length).toBeGreaterThan(40);
    expect(handled).toEqual(described);
  });
});
