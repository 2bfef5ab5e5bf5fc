import type { GatewaySnapshot, SnapshotJwtIssuer } from '@tollgate/db';
import type { CompiledApp, CompiledKey, CompiledPlan, CompiledSubscription, SnapshotIndex } from './compiled-snapshot.types';
import { keyPrefixFromHex, KeyTable } from './key-table';

/** Keys loaded apart from the snapshot (streamed from PostgreSQL or read from disk), with the apps they point at. */
export interface PrebuiltKeys {
  readonly apps: ReadonlyMap<string, CompiledApp>;
  readonly keys: KeyTable;
}

export function compileApps(apps: GatewaySnapshot['apps']): Map<string, CompiledApp> {
  const compiled = new Map<string, CompiledApp>();
  for (const app of apps) compiled.set(app.id, { id: app.id, slug: app.slug, teamId: app.teamId });
  return compiled;
}

/** One key as the request path reads it. */
export function compileKey(
  id: string,
  app: CompiledApp,
  environment: 'live' | 'test',
  scopes: readonly string[] | null,
  expiresAtMs: number | null,
  revoked: boolean,
): CompiledKey {
  return { id, app, environment, scopes: scopes !== null && scopes.length > 0 ? new Set(scopes) : null, expiresAtMs: expiresAtMs ?? Number.POSITIVE_INFINITY, revoked };
}

/** Builds the in-memory lookups: key hash -> key, apiId -> appId -> subscription. */
export function indexSnapshot(snapshot: GatewaySnapshot, warn: (message: string) => void, prebuilt?: PrebuiltKeys): SnapshotIndex {
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

  const apps = prebuilt?.apps ?? compileApps(snapshot.apps);

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
    byApp.set(app.id, {
      id: sub.id,
      app,
      apiId: sub.apiId,
      plan,
      quotaOverride: sub.quotaOverride,
      billingAnchorMs: Date.parse(sub.billingAnchor),
      timeZone: sub.timeZone,
      quotaResetAtMs: sub.quotaResetAt === null ? null : Date.parse(sub.quotaResetAt),
    });
  }

  let keys = prebuilt?.keys;
  if (keys === undefined) {
    const map = new Map<string, CompiledKey>();
    for (const key of snapshot.keys) {
      const app = apps.get(key.appId);
      if (!app) continue;
      const expiresAtMs = key.expiresAt === null ? null : Date.parse(key.expiresAt);
      map.set(keyPrefixFromHex(key.hash), compileKey(key.id, app, key.environment, key.scopes, expiresAtMs, key.revokedAt !== undefined && key.revokedAt !== null));
    }
    keys = KeyTable.fromMap(map);
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

  return { revision: snapshot.revision, keys, apps, subscriptions, plans, inactiveSubscriptions, jwtIssuers };
}
