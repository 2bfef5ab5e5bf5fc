// A tiny router over OpenAPI-style path templates (`/catalog/products/{id}`). A route may
// end in a wildcard parameter that takes the rest of the path (`/echo/{path}`).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Problem } from './problem';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
}

export interface Route {
  method: HttpMethod;
  /** The path as the OpenAPI document names it. */
  path: string;
  /** The last parameter takes the rest of the path, slashes included. */
  wildcard?: boolean;
  handle(ctx: RequestContext): Promise<void> | void;
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'not-found' }
  | { kind: 'method-not-allowed'; allow: HttpMethod[] };

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new Problem(400, 'Bad Request', 'The path has a malformed percent-encoding.');
  }
}

function matchPath(route: Route, segments: string[]): Record<string, string> | undefined {
  const pattern = route.path.split('/').slice(1);
  if (route.wildcard ? segments.length < pattern.length : segments.length !== pattern.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const segment = segments[index] ?? '';
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (!name) {
      if (part !== segment) return undefined;
      continue;
    }
    const isLast = index === pattern.length - 1;
    const value = route.wildcard && isLast ? segments.slice(index).join('/') : segment;
    if (value === '') return undefined;
    params[name] = route.wildcard && isLast ? value : decode(value);
  }
  return params;
}

export function createRouter(routes: readonly Route[]) {
  return {
    routes,
    match(method: string, pathname: string): RouteMatch {
      const segments = pathname.split('/').slice(1);
      const allow = new Set<HttpMethod>();
      for (const route of routes) {
        const params = matchPath(route, segments);
        if (!params) continue;
        allow.add(route.method);
        if (route.method === 'GET') allow.add('HEAD');
        if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { kind: 'found', route, params };
      }
      return allow.size ? { kind: 'method-not-allowed', allow: [...allow] } : { kind: 'not-found' };
    },
  };
}

export type Router = ReturnType<typeof createRouter>;
