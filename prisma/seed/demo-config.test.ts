// demo.yaml and the demo upstream agree: every route the config publishes is an operation
// of the demo's OpenAPI document and answers on a running demo upstream.
import { readFile } from 'node:fs/promises';
import { OPENAPI_PATH } from '@tollgate/demo-upstream';
import { useDemoUpstream } from '@tollgate/demo-upstream/testing';
import { joinPaths } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadDemoConfig } from './load-demo-config';

const upstream = useDemoUpstream();

describe('demo.yaml', () => {
  it('is a valid config with users, three published APIs, three plans and the demo app', async () => {
    const config = await loadDemoConfig();
    expect(config.users.map((user) => [user.email, user.role])).toEqual([
      ['admin@tollgate.local', 'admin'],
      ['dev@tollgate.local', 'developer'],
    ]);
    expect(config.users.every((user) => user.password.length >= 8)).toBe(true);
    expect(config.apis.map((api) => [api.slug, api.basePath, api.status])).toEqual([
      ['weather', '/weather', 'published'],
      ['catalog', '/catalog', 'published'],
      ['payments', '/payments', 'published'],
    ]);
    expect(config.plans.map((plan) => plan.slug)).toEqual(['free', 'pro', 'enterprise']);
    expect(config.apis.flatMap((api) => api.routes).some((route) => route.weight > 1)).toBe(true);
    const team = config.teams.find((candidate) => candidate.slug === 'demo');
    expect(team?.members).toEqual([{ email: 'dev@tollgate.local', role: 'owner' }]);
    const app = team?.apps.find((candidate) => candidate.slug === 'demo-app');
    expect(app?.subscriptions.map((sub) => sub.api).sort()).toEqual(['catalog', 'payments', 'weather']);
    expect(app?.keys).toEqual([]);
    for (const sub of app?.subscriptions ?? []) {
      expect(config.plans.find((plan) => plan.slug === sub.plan)?.apis, `${sub.api} on ${sub.plan}`).toContain(sub.api);
    }
  });

  it('publishes only routes the demo OpenAPI document describes', async () => {
    const config = await loadDemoConfig();
    const document = parse(await readFile(OPENAPI_PATH, 'utf8')) as { paths: Record<string, Record<string, unknown>> };
    for (const api of config.apis) {
      for (const route of api.routes) {
        expect(route.stripBasePath, `${api.slug} ${route.path}`).toBe(false);
        const full = joinPaths(api.basePath, route.path);
        for (const method of route.methods) expect(document.paths[full]?.[method.toLowerCase()], `${method} ${full}`).toBeDefined();
      }
    }
  });

  it('routes that reach a running demo upstream', async () => {
    const config = await loadDemoConfig(upstream.url);
    expect(config.apis.every((api) => api.upstream.targets.every((target) => target.url === upstream.url))).toBe(true);
    const samples = { city: 'london', id: 'prd_0001' } as Record<string, string>;
    for (const api of config.apis) {
      for (const route of api.routes.filter((candidate) => candidate.methods.includes('GET'))) {
        const full = joinPaths(api.basePath, route.path).replace(/\{(\w+)\}/g, (_, name: string) => samples[name] ?? 'x');
        if (full.includes('/charges/')) continue;
        const response = await fetch(upstream.url + full);
        expect(response.status, full).toBe(200);
      }
    }
  });
});
