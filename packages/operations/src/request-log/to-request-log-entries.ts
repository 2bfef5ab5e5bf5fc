import type { TRequestLogEntry } from '@tollgate/contracts';
import type { RequestLog } from '@tollgate/db';
import { storedOutcome, usageOutcome } from '@tollgate/domain';
import type { Tx } from '../core/define-operation';

const present = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => value !== null))];

/** Rows as people read them: the API and app by slug and the key by its prefix (one query per kind), never the key's hash. */
export async function toRequestLogEntries(tx: Tx, rows: RequestLog[]): Promise<TRequestLogEntry[]> {
  const [apis, apps, keys] = await Promise.all([
    tx.api.findMany({ where: { id: { in: present(rows.map((row) => row.apiId)) } }, select: { id: true, slug: true } }),
    tx.app.findMany({ where: { id: { in: present(rows.map((row) => row.appId)) } }, select: { id: true, slug: true } }),
    tx.apiKey.findMany({ where: { id: { in: present(rows.map((row) => row.keyId)) } }, select: { id: true, prefix: true } }),
  ]);
  const apiSlugs = new Map(apis.map((api) => [api.id, api.slug]));
  const appSlugs = new Map(apps.map((app) => [app.id, app.slug]));
  const keyPrefixes = new Map(keys.map((key) => [key.id, key.prefix]));
  return rows.map((row) => ({
    id: row.id,
    time: row.time.toISOString(),
    method: row.method,
    path: row.path,
    status: row.status,
    outcome: storedOutcome(row.outcome, usageOutcome(row.status)),
    latencyMs: row.latencyMs,
    bytesIn: Number(row.bytesIn),
    bytesOut: Number(row.bytesOut),
    units: row.units,
    count: row.count,
    apiSlug: (row.apiId && apiSlugs.get(row.apiId)) ?? null,
    routeKey: row.routeKey,
    appSlug: (row.appId && appSlugs.get(row.appId)) ?? null,
    keyPrefix: (row.keyId && keyPrefixes.get(row.keyId)) ?? null,
    clientIp: row.clientIp,
    gatewayId: row.gatewayId,
    upstreamVersion: row.upstreamVersion,
  }));
}
