import { ZImportApiRequest, ZSlug, ZUpstreamTarget, routeKey, type TApiResource, type TImportApiResult } from '@tollgate/contracts';
import { recordRemovedOperations, type Prisma } from '@tollgate/db';
import { TollgateError } from '@tollgate/errors';
import { defineOperation, type Tx } from '../core/define-operation';
import { safeFetch, type SafeFetchOptions } from '../core/safe-fetch';
import { routeData } from '../routes/route-data';
import { checkApiFields } from './check-api-fields';
import { readOpenApiDocument, type OpenApiDocument } from './read-openapi-document';
import { toApiResource } from './to-api-resource';

export interface ImportApiOptions {
  /** How a `source.url` is fetched; set here by the program (tests allow loopback), never by a request. */
  fetch?: Omit<SafeFetchOptions, 'field'>;
}

/**
 * apis.import: an OpenAPI 3.0/3.1 document becomes an API (created, or updated when the slug
 * exists) with a route per path and method, in one transaction with the audit entry and the
 * config revision bump. Routes that already exist stay as they are; none are removed.
 */
export function createImportApi(options: ImportApiOptions = {}) {
  return defineOperation({
    name: 'apis.import',
    role: 'admin',
    input: ZImportApiRequest,
    audit: { resourceType: 'api' },
    async run(tx, input, ctx): Promise<TImportApiResult> {
      const text = input.source.kind === 'text' ? input.source.text : (await safeFetch(input.source.url, { ...options.fetch, field: 'source.url', accept: 'application/yaml, application/json, text/yaml, */*' })).body;
      const doc = readOpenApiDocument(text, input.source.kind === 'text' ? 'source.text' : 'source.url');
      const slug = input.slug ?? slugOf(doc);
      await tx.$queryRaw`SELECT 1 FROM "apis" WHERE "slug" = ${slug} FOR UPDATE`;
      const current = await tx.api.findUnique({ where: { slug } });
      const before = current ? toApiResource(current) : undefined;
      const fields = {
        slug,
        name: input.name ?? current?.name ?? doc.title ?? slug,
        description: (input.description ?? current?.description ?? doc.summary ?? '').slice(0, 5000),
        version: (doc.version || current?.version || '').slice(0, 50),
        basePath: input.basePath ?? current?.basePath ?? `/${slug}`,
        hosts: current?.hosts ?? [],
        visibility: input.visibility ?? current?.visibility ?? 'public',
        openapi: doc.document as Prisma.InputJsonValue,
      };
      await checkApiFields(tx, { ...fields, id: current?.id, status: current?.status ?? 'draft', sunsetAt: current?.sunsetAt ?? null }, current ?? undefined);
      const row = current ? await tx.api.update({ where: { id: current.id }, data: fields }) : await tx.api.create({ data: fields });
      await recordRemovedOperations(tx, row.id, current?.openapi ?? null, doc.document);
      await setUpstream(tx, row.id, input.upstream, doc, Boolean(current));
      const routes = await addRoutes(tx, row.id, doc, input.auth ?? 'key');
      const api: TApiResource = toApiResource(row);
      ctx.configChanged('api', row.id, row.slug);
      for (const key of routes.created) ctx.configChanged('route', undefined, `${row.slug} ${key}`);
      ctx.audit({ resourceId: row.id, before, after: { ...api, version: doc.version, routesCreated: routes.created } });
      return { api, created: !current, version: doc.version, routes };
    },
  });
}

export const importApi = createImportApi();

function slugOf(doc: OpenApiDocument): string {
  const slug = (doc.title ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  if (!ZSlug.safeParse(slug).success) {
    throw new TollgateError('invalid_params', { detail: 'slug is needed: the document has no info.title to derive it from.', invalidParams: [{ name: 'slug', reason: 'is required when the document has no usable info.title' }] });
  }
  return slug;
}

/** The form's targets replace the upstream's; otherwise a new API gets servers[0] as its one target. */
async function setUpstream(tx: Tx, apiId: string, given: { targets: { url: string; weight: number }[]; loadBalancing: string } | undefined, doc: OpenApiDocument, existed: boolean) {
  const fromDocument = doc.server && ZUpstreamTarget.safeParse({ url: doc.server }).success ? { targets: [{ url: doc.server, weight: 1 }], loadBalancing: 'round-robin' } : undefined;
  const upstream = given ?? (existed ? undefined : fromDocument);
  if (!upstream) return;
  const loadBalancing = upstream.loadBalancing.replaceAll('-', '_') as 'round_robin' | 'weighted' | 'least_connections';
  const row = await tx.upstream.upsert({ where: { apiId }, create: { apiId, loadBalancing }, update: { loadBalancing } });
  await tx.upstreamTarget.deleteMany({ where: { upstreamId: row.id } });
  await tx.upstreamTarget.createMany({ data: upstream.targets.map((target) => ({ upstreamId: row.id, url: target.url, weight: target.weight })) });
}

async function addRoutes(tx: Tx, apiId: string, doc: OpenApiDocument, auth: 'none' | 'key' | 'jwt' | 'key-or-jwt') {
  const existing = new Set((await tx.route.findMany({ where: { apiId }, select: { key: true } })).map((route) => route.key));
  const created: string[] = [];
  const kept: string[] = [];
  for (const operation of doc.operations) {
    const key = routeKey({ methods: [operation.method], path: operation.path });
    if (existing.has(key)) {
      kept.push(key);
      continue;
    }
    const data = routeData({ path: operation.path, methods: [operation.method], auth: operation.open ? 'none' : auth, weight: 1, allowQueryKey: false, stripBasePath: true, maxBodyBytes: 10 * 1024 ** 2, limitBy: 'subscription', validateRequest: false });
    await tx.route.create({ data: { ...data, policies: {}, apiId } });
    existing.add(key);
    created.push(key);
  }
  return { created, existing: kept };
}
