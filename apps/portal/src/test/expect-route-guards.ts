import { expect } from 'vitest';
import { call, json, type AdminApiTokens } from './use-admin-api';

type RouteModule = Partial<Record<'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', Parameters<typeof call>[0]>>;

export interface GuardCase {
  module: RouteModule;
  path: string;
  params?: Record<string, string>;
  /** A body that is valid for writes, so a 403 cannot be a validation error in disguise. */
  body?: unknown;
  /** Params naming a record that does not exist: reads and writes answer 404. */
  missing?: { path: string; params: Record<string, string> };
}

/**
 * The security checks every admin route shares: no token and a wrong token are 401
 * problem+json, a viewer's write is 403, and a record that does not exist is 404.
 */
export async function expectRouteGuards(route: GuardCase, tokens: AdminApiTokens): Promise<void> {
  for (const [method, handler] of Object.entries(route.module)) {
    if (!handler) continue;
    const write = method !== 'GET';
    const options = { params: route.params, body: write ? route.body : undefined };
    for (const token of [null, 'tga_not-a-token', 'wrong']) {
      const response = await call(handler, method, route.path, { ...options, token });
      expect(response.status, `${method} ${route.path} with token ${token}`).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    if (write) {
      const response = await call(handler, method, route.path, { ...options, token: tokens.viewer });
      expect(response.status, `${method} ${route.path} as viewer`).toBe(403);
      expect(await json(response)).toMatchObject({ code: 'forbidden' });
    }
    if (route.missing) {
      const response = await call(handler, method, route.missing.path, { params: route.missing.params, body: options.body, token: tokens.owner });
      expect(response.status, `${method} ${route.missing.path}`).toBe(404);
      expect(await json(response)).toMatchObject({ code: 'not_found' });
    }
  }
}
