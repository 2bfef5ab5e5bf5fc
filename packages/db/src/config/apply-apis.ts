import { routeKey, type TConfigApi, type TConfigRoute, type TRoutePolicies, type TUpstreamSettings } from '@tollgate/contracts';
import type { Prisma } from '../generated/prisma/client';
import { recordRemovedOperations } from '../discovery/record-removed-operations';
import type { OpenApiDocuments } from './resolve-openapi';
import { differs, type ChangeSet } from './change-set';

const toEnum = <T extends string>(value: string) => value.replaceAll('-', '_') as T;

function routeData(route: TConfigRoute, versionIds: ReadonlyMap<string, string>) {
  // Stored as given: validateRequest only when on, so routes stored before it existed compare equal.
  const policies: Omit<TRoutePolicies, 'validateRequest'> & { validateRequest?: true } = {
    timeoutMs: route.timeoutMs,
    maxBodyBytes: route.maxBodyBytes,
    cache: route.cache,
    limitBy: route.limitBy,
    requestHeaders: route.requestHeaders,
    responseHeaders: route.responseHeaders,
    ...(route.validateRequest ? { validateRequest: true as const } : {}),
    split: route.split,
    backend: route.backend,
  };
  return {
    key: routeKey(route),
    path: route.path,
    methods: [...route.methods].sort(),
    auth: toEnum<'none' | 'key' | 'jwt' | 'key_or_jwt'>(route.auth),
    weight: route.weight,
    allowQueryKey: route.allowQueryKey,
    stripBasePath: route.stripBasePath,
    rewrite: route.rewrite ?? null,
    versionId: route.version === undefined ? null : (versionIds.get(route.version) ?? null),
    policies: stripUndefined(policies) as Prisma.InputJsonValue,
  };
}

function upstreamSettings(upstream: TConfigApi['upstream']): Prisma.InputJsonValue {
  const settings: TUpstreamSettings = {
    timeouts: upstream.timeouts,
    retries: upstream.retries,
    healthCheck: upstream.healthCheck,
    passive: upstream.passive,
    breaker: upstream.breaker,
    split: upstream.split,
  };
  return stripUndefined(settings) as Prisma.InputJsonValue;
}

/** JSON columns hold no `undefined`: drop those keys so comparisons stay stable. */
function stripUndefined(value: object): object {
  return JSON.parse(JSON.stringify(value)) as object;
}

/** Upserts APIs by slug, with their upstream, targets and routes (routes and targets not in the file go). */
export async function applyApis(
  tx: Prisma.TransactionClient,
  apis: TConfigApi[],
  documents: OpenApiDocuments,
  changes: ChangeSet,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const api of apis) {
    const data = {
      name: api.name,
      description: api.description,
      tags: api.tags,
      version: api.version,
      basePath: api.basePath,
      hosts: api.hosts,
      visibility: api.visibility,
      status: api.status,
      openapi: (documents.get(api.slug) ?? null) as Prisma.InputJsonValue | null,
      policies: stripUndefined(api.policies) as Prisma.InputJsonValue,
    };
    const existing = await tx.api.findUnique({ where: { slug: api.slug } });
    let apiId: string;
    if (!existing) {
      const { openapi, ...rest } = data;
      apiId = (await tx.api.create({ data: { slug: api.slug, ...rest, ...(openapi ? { openapi } : {}) } })).id;
      changes.add('create', 'api', api.slug, apiId);
    } else {
      apiId = existing.id;
      if (differs(existing, data)) {
        const { openapi, ...rest } = data;
        await tx.api.update({ where: { id: apiId }, data: { ...rest, openapi: openapi ?? undefined } });
        if (openapi) await recordRemovedOperations(tx, apiId, existing.openapi, openapi);
        changes.add('update', 'api', api.slug, apiId);
      }
    }
    ids.set(api.slug, apiId);
    await applyUpstream(tx, api, apiId, changes);
    const versionIds = await applyVersions(tx, api, apiId, changes);
    await applyRoutes(tx, api, apiId, versionIds, changes);
  }
  return ids;
}

async function applyUpstream(tx: Prisma.TransactionClient, api: TConfigApi, apiId: string, changes: ChangeSet): Promise<void> {
  const wantedUpstream = {
    loadBalancing: toEnum<'round_robin' | 'weighted' | 'least_connections'>(api.upstream.loadBalancing),
    settings: upstreamSettings(api.upstream),
  };
  const upstream = await tx.upstream.upsert({
    where: { apiId },
    create: { apiId, ...wantedUpstream },
    update: {},
    include: { targets: true },
  });
  if (differs(upstream, wantedUpstream)) {
    await tx.upstream.update({ where: { id: upstream.id }, data: wantedUpstream });
    changes.add('update', 'api', `${api.slug} upstream`, apiId);
  }
  const wanted = new Map(api.upstream.targets.map((target) => [target.url, { weight: target.weight, version: target.version ?? null }]));
  for (const target of upstream.targets) {
    if (!wanted.has(target.url)) {
      await tx.upstreamTarget.delete({ where: { id: target.id } });
      changes.add('delete', 'target', `${api.slug} ${target.url}`, target.id);
    }
  }
  for (const [url, data] of wanted) {
    const existing = upstream.targets.find((target) => target.url === url);
    if (!existing) {
      const created = await tx.upstreamTarget.create({ data: { upstreamId: upstream.id, url, ...data } });
      changes.add('create', 'target', `${api.slug} ${url}`, created.id);
    } else if (existing.weight !== data.weight || existing.version !== data.version) {
      await tx.upstreamTarget.update({ where: { id: existing.id }, data });
      changes.add('update', 'target', `${api.slug} ${url}`, existing.id);
    }
  }
}

/** Upserts the API's versions by name (versions not in the file go); returns name -> id. */
async function applyVersions(tx: Prisma.TransactionClient, api: TConfigApi, apiId: string, changes: ChangeSet): Promise<Map<string, string>> {
  const existing = await tx.apiVersion.findMany({ where: { apiId } });
  const wantedNames = new Set(api.versions.map((version) => version.name));
  for (const version of existing) {
    if (!wantedNames.has(version.name)) {
      await tx.apiVersion.delete({ where: { id: version.id } });
      changes.add('delete', 'api', `${api.slug} version ${version.name}`, version.id);
    }
  }
  const ids = new Map<string, string>();
  for (const version of api.versions) {
    const data = { selector: version.selector, match: version.match, isDefault: version.default, status: 'published' as const };
    const found = existing.find((row) => row.name === version.name);
    if (!found) {
      const created = await tx.apiVersion.create({ data: { apiId, name: version.name, ...data } });
      changes.add('create', 'api', `${api.slug} version ${version.name}`, created.id);
      ids.set(version.name, created.id);
    } else {
      if (differs(found, data)) {
        await tx.apiVersion.update({ where: { id: found.id }, data });
        changes.add('update', 'api', `${api.slug} version ${version.name}`, found.id);
      }
      ids.set(version.name, found.id);
    }
  }
  return ids;
}

async function applyRoutes(tx: Prisma.TransactionClient, api: TConfigApi, apiId: string, versionIds: ReadonlyMap<string, string>, changes: ChangeSet): Promise<void> {
  const existingRoutes = await tx.route.findMany({ where: { apiId } });
  const wanted = api.routes.map((route) => routeData(route, versionIds));
  const wantedKeys = new Set(wanted.map((route) => route.key));
  for (const route of existingRoutes) {
    if (!wantedKeys.has(route.key)) {
      await tx.route.delete({ where: { id: route.id } });
      changes.add('delete', 'route', `${api.slug} ${route.key}`, route.id);
    }
  }
  for (const data of wanted) {
    const existing = existingRoutes.find((route) => route.key === data.key);
    if (!existing) {
      const created = await tx.route.create({ data: { apiId, ...data } });
      changes.add('create', 'route', `${api.slug} ${data.key}`, created.id);
    } else if (differs(existing, data)) {
      await tx.route.update({ where: { id: existing.id }, data });
      changes.add('update', 'route', `${api.slug} ${data.key}`, existing.id);
    }
  }
}
