// Test support for the admin REST API: route handlers run in-process against this file's
// own PostgreSQL database, called with real Request objects.
import { useTestDatabase } from '@tollgate/db/testing';
import { CLI_PRINCIPAL, createAdminToken, runOperation } from '@tollgate/operations';
import { afterAll, beforeAll, vi } from 'vitest';

export const BOOTSTRAP_TOKEN = 'bootstrap-token-for-tests-0123456789';
const DB = Symbol.for('tollgate.portal.db');

export interface AdminApiTokens {
  owner: string;
  admin: string;
  viewer: string;
}

export function useAdminApi() {
  const t = useTestDatabase();
  const tokens: AdminApiTokens = { owner: BOOTSTRAP_TOKEN, admin: '', viewer: '' };
  beforeAll(async () => {
    vi.stubEnv('DATABASE_URL', t.url);
    vi.stubEnv('ADMIN_TOKEN', BOOTSTRAP_TOKEN);
    vi.stubEnv('NEXTAUTH_SECRET', 'admin-api-test-secret');
    delete (globalThis as { [DB]?: unknown })[DB];
    tokens.admin = (await runOperation(t.db, CLI_PRINCIPAL, createAdminToken, { name: 'test admin', role: 'admin' })).token;
    tokens.viewer = (await runOperation(t.db, CLI_PRINCIPAL, createAdminToken, { name: 'test viewer', role: 'viewer' })).token;
  });
  afterAll(async () => {
    const portalDb = (globalThis as { [DB]?: { $disconnect(): Promise<void> } })[DB];
    await portalDb?.$disconnect();
    delete (globalThis as { [DB]?: unknown })[DB];
    vi.unstubAllEnvs();
  });
  return { t, tokens };
}

type RouteHandler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  params?: Record<string, string>;
  headers?: Record<string, string>;
}

/** Calls a route handler as Next.js would: a Request for `path` and the route's params. */
export async function call(handler: RouteHandler, method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set('authorization', `Bearer ${options.token}`);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  const request = new Request(new URL(path, 'http://portal.test'), { method, headers, body });
  return handler(request, { params: Promise.resolve(options.params ?? {}) as Promise<never> });
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
