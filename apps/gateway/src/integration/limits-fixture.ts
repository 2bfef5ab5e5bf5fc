// Shared set-up for the limit tests: one API, plans with limits, one app per plan, and
// gateways that share (or not) a Redis key prefix of their own.
import { randomBytes } from 'node:crypto';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, createApiKey, type Db } from '@tollgate/db';
import type { GatewayEnv } from '../env';
import type { RunningGateway, StartGatewayOptions } from '../start-gateway';
import { startTestGateway } from '../testing/test-gateway';

export interface LimitPlan {
  slug: string;
  rateLimit?: { requests: number; per: 'second' | 'minute' | 'hour'; burst?: number };
  quota?: { requests: number; per: 'day' | 'month' };
  hardStop?: boolean;
}

/** Applies `limited` (an API with a weight-1 and a weight-5 route) and one app subscribed per plan; returns a key per plan. */
export async function applyLimitConfig(db: Db, upstreamUrl: string, plans: LimitPlan[], apiPolicies: Record<string, unknown> = {}): Promise<Record<string, string>> {
  const config = ZConfigFile.parse({
    apis: [
      {
        slug: 'limited',
        name: 'Limited',
        basePath: '/limited',
        status: 'published',
        policies: apiPolicies,
        upstream: { targets: [{ url: upstreamUrl }] },
        routes: [
          { path: '/cheap', methods: ['GET'] },
          { path: '/costly', methods: ['GET'], weight: 5 },
          { path: '/per-key', methods: ['GET'], limitBy: 'key' },
        ],
      },
    ],
    plans: plans.map((plan) => ({ name: plan.slug, apis: ['limited'], ...plan })),
    teams: [
      {
        slug: 'team',
        name: 'Team',
        apps: plans.map((plan) => ({ slug: `app-${plan.slug}`, name: plan.slug, subscriptions: [{ api: 'limited', plan: plan.slug }] })),
      },
    ],
  });
  await applyConfig(db, config, { baseDir: process.cwd() });
  const keys: Record<string, string> = {};
  for (const plan of plans) keys[plan.slug] = (await createApiKey(db, { appSlug: `app-${plan.slug}` })).key;
  return keys;
}

export function uniquePrefix(): string {
  return `test:${randomBytes(6).toString('hex')}:`;
}

/**
 * `count` gateways sharing one Redis prefix. The Redis timeout is long, so a loaded test
 * machine does not push them into per-instance limits (the fault tests set their own).
 */
export async function startGateways(
  count: number,
  databaseUrl: string,
  env: Partial<GatewayEnv>,
  options: StartGatewayOptions = {},
): Promise<RunningGateway[]> {
  const prefix = env.GATEWAY_REDIS_PREFIX ?? uniquePrefix();
  return Promise.all(Array.from({ length: count }, () => startTestGateway(databaseUrl, { GATEWAY_REDIS_PREFIX: prefix, GATEWAY_REDIS_TIMEOUT_MS: 5_000, ...env }, options)));
}

export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export async function call(gateway: RunningGateway, key: string, path = '/limited/cheap'): Promise<Answer> {
  const response = await fetch(`${gateway.url}${path}`, { headers: { 'x-api-key': key } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** `total` concurrent calls spread round-robin over the gateways; returns the statuses. */
export async function burst(gateways: RunningGateway[], key: string, total: number, path?: string): Promise<number[]> {
  const answers = await Promise.all(Array.from({ length: total }, (_, i) => call(gateways[i % gateways.length]!, key, path)));
  return answers.map((answer) => answer.status);
}

export const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;
