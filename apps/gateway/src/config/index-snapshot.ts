import type { GatewaySnapshot, SnapshotJwtIssuer } from '@tollgate/db';
import type { CompiledApp, CompiledKey, CompiledPlan, CompiledSubscription, SnapshotIndex } from './compiled-snapshot.types';

/** Builds the in-memory lookups: key hash -> key, apiId -> appId -> subscription. */
export function indexSnapshot(snapshot: GatewaySnapshot, warn: (message: string) => void): SnapshotIndex {
  const plans = new Map<string, CompiledPlan>();
  for (const plan of snapshot.plans) {
    plans.set(plan.id, {
      id: plan.id,
      slug: plan.slug,
      name: plan.name,
      rateLimit: plan.rateLimitRequests !== null && plan.rateLimitPer !== null ? { requests: plan.rateLimitRequests, per: plan.rateLimitPer, burst: plan.burst } : null,
      quota: plan.quotaRequests !== null && plan.quotaPer !== null ? { requests: plan.quotaRequests, per: plan.quotaPer } : null,
      hardStop: plan.hardStop,
    });
  }

  const apps = new Map<string, CompiledApp>();
  for (const app of snapshot.apps) apps.set(app.id, { id: app.id, slug: app.slug, teamId: app.teamId });

  const subscriptions = new Map<string, Map<string, CompiledSubscription>>();
  for (const sub of snapshot.subscriptions) {
    const app = apps.get(sub.appId);
    const plan = plans.get(sub.planId);
    if (!app || !plan) {
      warn(`subscription ${sub.id}: app or plan missing from the snapshot; ignored`);
      continue;
    }
    let byApp = subscriptions.get(sub.apiId);
    if (!byApp) subscriptions.set(sub.apiId, (byApp = new Map()));
    byApp.set(app.id, { id: sub.id, app, apiId: sub.apiId, plan, quotaOverride: sub.quotaOverride });
  }

  const keys = new Map<string, CompiledKey>();
  for (const key of snapshot.keys) {
    const app = apps.get(key.appId);
    if (!app) continue;
    keys.set(key.hash, {
      id: key.id,
      app,
      environment: key.environment,
      scopes: key.scopes.length > 0 ? new Set(key.scopes) : null,
      expiresAtMs: key.expiresAt === null ? Number.POSITIVE_INFINITY : Date.parse(key.expiresAt),
      revoked: key.revokedAt !== undefined && key.revokedAt !== null,
    });
  }

  const inactiveSubscriptions = new Map<string, Map<string, 'pending' | 'suspended' | 'cancelled'>>();
  for (const sub of snapshot.inactiveSubscriptions ?? []) {
    let byApp = inactiveSubscriptions.get(sub.apiId);
    if (!byApp) inactiveSubscriptions.set(sub.apiId, (byApp = new Map()));
    byApp.set(sub.appId, sub.status);
  }

  const jwtIssuers = new Map<string, SnapshotJwtIssuer[]>();
  for (const issuer of snapshot.jwtIssuers ?? []) {
    let list = jwtIssuers.get(issuer.apiId);
    if (!list) jwtIssuers.set(issuer.apiId, (list = []));
    list.push(issuer);
  }

  return { revision: snapshot.revision, keys, subscriptions, plans, inactiveSubscriptions, jwtIssuers };
}
