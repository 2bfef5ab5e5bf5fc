import { enqueueWebhookEvent, type DiscoveredEndpoint, type Prisma } from '@tollgate/db';
import { buildCloudEvent, classifyEndpoint, DISCOVERY_SHADOW_FOUND, templateAll, type CatalogApi } from '@tollgate/domain';
import type { Tx } from '../core/define-operation';
import { mergedColumns, observedColumns, toDbKind } from './discovery-rows';
import type { CatalogSource } from './catalog-cache';
import { loadCatalog } from './load-catalog';
import { loadDecisions, type HostDecisions } from './load-decisions';
import type { DiscoveryObservation } from './observation';

export interface RecordedObservations {
  /** Observations stored (documented endpoints are not). */
  readonly stored: number;
  /** New shadow endpoints (a webhook event queued for each). */
  readonly newShadows: number;
}

const keyOf = (host: string, method: string, template: string) => `${host}\u0000${method}\u0000${template}`;

/**
 * Stores what the gateway or an import saw: each endpoint is classified against the
 * catalog (documented ones are dropped), added into its row, and the host's rows are
 * templated again together so literals that crossed the threshold since fold into their
 * template, with admins' splits and merges applied. A new shadow endpoint queues a
 * `discovery.shadow_found` webhook event. Runs in the caller's transaction.
 */
export async function recordObservations(
  tx: Tx,
  observations: readonly DiscoveryObservation[],
  options: { now?: Date; catalog?: CatalogSource } = {},
): Promise<RecordedObservations> {
  if (observations.length === 0) return { stored: 0, newShadows: 0 };
  const now = options.now ?? new Date();
  const catalog = await (options.catalog ?? loadCatalog)(tx);
  const decisions = await loadDecisions(tx);
  const created = new Set<string>();
  const grown = new Set<string>();
  let stored = 0;
  const classified = observations.flatMap((seen) => {
    const template = decisions.forHost(seen.host).mergeInto(seen.template);
    const { kind, apiId, reason } = classifyEndpoint(catalog, { host: seen.host, method: seen.method, template });
    return kind === null ? [] : [{ seen, template, kind, apiId, reason }];
  });
  const existing = await findRows(tx, classified.map(({ seen, template }) => ({ host: seen.host, method: seen.method, pathTemplate: template })));
  for (const { seen, template, kind, apiId, reason } of classified) {
    const row = existing.get(keyOf(seen.host, seen.method, template)) ?? null;
    const columns = observedColumns(row, seen);
    if (row === null) {
      const made = await tx.discoveredEndpoint.create({ data: { host: seen.host, method: seen.method, pathTemplate: template, kind: toDbKind(kind), apiId, reason, ...columns } });
      existing.set(keyOf(seen.host, seen.method, template), made);
      created.add(made.id);
      grown.add(seen.host);
    } else {
      const updated = await tx.discoveredEndpoint.update({ where: { id: row.id }, data: { kind: toDbKind(kind), apiId, reason, ...columns } });
      existing.set(keyOf(seen.host, seen.method, template), updated);
    }
    stored++;
  }
  // Only a new template can push a position past the threshold: hosts without one keep their rows as they are.
  for (const host of grown) await refoldHost(tx, host, catalog, decisions.forHost(host));
  const shadows = await tx.discoveredEndpoint.findMany({ where: { id: { in: [...created] }, kind: 'shadow' } });
  for (const row of shadows) await enqueueWebhookEvent(tx, { teamId: null, event: shadowFound(row, now), now });
  return { stored, newShadows: shadows.length };
}

/** Stored rows for these keys, looked up in slices of 500. */
async function findRows(tx: Tx, keys: { host: string; method: string; pathTemplate: string }[]): Promise<Map<string, DiscoveredEndpoint>> {
  const rows = new Map<string, DiscoveredEndpoint>();
  for (let i = 0; i < keys.length; i += 500) {
    for (const row of await tx.discoveredEndpoint.findMany({ where: { OR: keys.slice(i, i + 500) } })) rows.set(keyOf(row.host, row.method, row.pathTemplate), row);
  }
  return rows;
}

/** The host's stored templates run through the templater together; rows that fold into one are merged. */
async function refoldHost(tx: Tx, host: string, catalog: readonly CatalogApi[], decisions: HostDecisions): Promise<void> {
  const rows = await tx.discoveredEndpoint.findMany({ where: { host }, orderBy: { firstSeenAt: 'asc' } });
  const known = catalog.flatMap((api) => api.documented.map((operation) => operation.template));
  const templates = templateAll(
    rows.map((row) => row.pathTemplate),
    { known, decisions: decisions.templaterDecisions },
  );
  const groups = new Map<string, DiscoveredEndpoint[]>();
  for (const row of rows) {
    const template = templates.get(row.pathTemplate)!;
    const key = keyOf(host, row.method, template);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const [key, group] of groups) {
    const template = key.split('\u0000')[2]!;
    if (group.length === 1 && group[0]!.pathTemplate === template) continue;
    const keep = group.find((row) => row.pathTemplate === template) ?? group[0]!;
    let merged: DiscoveredEndpoint = keep;
    for (const row of group) {
      if (row === keep) continue;
      merged = { ...merged, ...mergedColumns(merged, row) } as DiscoveredEndpoint;
      await tx.discoveredEndpoint.delete({ where: { id: row.id } });
    }
    const { id, apiId: _apiId, statusCounts, samples, ...rest } = merged;
    await tx.discoveredEndpoint.update({
      where: { id },
      data: { ...rest, pathTemplate: template, statusCounts: statusCounts as Prisma.InputJsonValue, samples: samples as Prisma.InputJsonValue },
    });
  }
}

function shadowFound(row: DiscoveredEndpoint, now: Date) {
  return buildCloudEvent({
    id: `discovery-${row.id}`,
    source: '/tollgate/discovery',
    type: DISCOVERY_SHADOW_FOUND,
    subject: `${row.method} ${row.pathTemplate}`,
    time: now,
    data: { id: row.id, host: row.host, method: row.method, path: row.pathTemplate, hits: Number(row.hits), firstSeenAt: row.firstSeenAt.toISOString(), unauthenticatedHits: Number(row.unauthenticatedHits) },
  });
}
