// Seed factories: small valid pieces of a config file that tests (and the demo) build on.
// Each builder returns the file's input shape with overrides merged in; `buildConfig`
// validates the whole file with ZConfigFile and returns it with defaults filled in.
import type { z } from 'zod';
import { ZConfigFile, type TConfigFile, type ZApi, type ZPlan, type ZRoute, type ZTeam, type ZUser } from '@tollgate/contracts';

export type ApiInput = z.input<typeof ZApi>;
export type RouteInput = z.input<typeof ZRoute>;
export type PlanInput = z.input<typeof ZPlan>;
export type TeamInput = z.input<typeof ZTeam>;
export type UserInput = z.input<typeof ZUser>;
export type ConfigInput = z.input<typeof ZConfigFile>;

export const FACTORY_UPSTREAM_URL = 'http://127.0.0.1:4010';

/**
 * An API named `echo` at /echo with one catch-all route that keeps the base path, so a
 * call to `/echo/anything` reaches the demo upstream's echo endpoint unchanged.
 */
export function buildApi(overrides: Partial<ApiInput> & { upstreamUrl?: string } = {}): ApiInput {
  const { upstreamUrl = FACTORY_UPSTREAM_URL, ...rest } = overrides;
  return {
    slug: 'echo',
    name: 'Echo',
    basePath: '/echo',
    visibility: 'public',
    status: 'published',
    upstream: { targets: [{ url: upstreamUrl, weight: 1 }], loadBalancing: 'round-robin' },
    routes: [buildRoute()],
    ...rest,
  };
}

export function buildRoute(overrides: Partial<RouteInput> = {}): RouteInput {
  return {
    path: '/*',
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    auth: 'key',
    weight: 1,
    stripBasePath: false,
    ...overrides,
  };
}

export function buildPlan(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    slug: 'basic',
    name: 'Basic',
    apis: ['echo'],
    rateLimit: { requests: 100, per: 'minute' },
    quota: { requests: 10_000, per: 'month' },
    price: { monthlyCents: 0, overagePer1000Cents: 0 },
    ...overrides,
  };
}

export function buildUser(overrides: Partial<UserInput> = {}): UserInput {
  return { email: 'developer@example.test', name: 'Test Developer', role: 'developer', password: 'test-password', ...overrides };
}

/** Team `acme` with app `acme-app` subscribed to `echo` on plan `basic`. */
export function buildTeam(overrides: Partial<TeamInput> = {}): TeamInput {
  return {
    slug: 'acme',
    name: 'Acme',
    apps: [{ slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'echo', plan: 'basic' }] }],
    ...overrides,
  };
}

/** A minimal valid config: one API on `upstreamUrl`, one plan, one team with a subscribed app. */
export function buildConfig(overrides: Partial<ConfigInput> & { upstreamUrl?: string } = {}): TConfigFile {
  const { upstreamUrl, ...rest } = overrides;
  return ZConfigFile.parse({
    apis: [buildApi({ upstreamUrl })],
    plans: [buildPlan()],
    users: [],
    teams: [buildTeam()],
    ...rest,
  });
}
