import { ZCreateRouteRequest, ZPromoteDiscoveredEndpointRequest } from '@tollgate/contracts';
import { recordRemovedOperations, type Api, type Prisma } from '@tollgate/db';
import { checkPathTemplate, underBasePath } from '@tollgate/domain';
import { TollgateError } from '@tollgate/errors';
import { findApiOrThrow } from '../apis/find-api-or-throw';
import { defineOperation, type Tx } from '../core/define-operation';
import { checkRouteKey, routeData } from '../routes/route-data';
import { toRouteResource } from '../routes/to-route-resource';
import { endpointLabel, findDiscoveredEndpointOrThrow } from './find-discovered-endpoint-or-throw';

/**
 * Takes the endpoint into the catalog: a route for its method and template on the API
 * (the one named, else the one whose base path holds it) and, when the API has an
 * OpenAPI document, a stub operation there for the admin to complete. An API without a
 * document gets none: a document with one path would make every other route undocumented.
 */
export const promoteDiscoveredEndpoint = defineOperation({
  name: 'discovery.promote',
  role: 'admin',
  input: ZPromoteDiscoveredEndpointRequest,
  audit: { resourceType: 'discovered_endpoint' },
  async run(tx, input, ctx) {
    const row = await findDiscoveredEndpointOrThrow(tx, input.id);
    const api = await owningApi(tx, input.api, row.apiId);
    if (!underBasePath(api.basePath, row.pathTemplate)) {
      throw new TollgateError('invalid_params', { detail: `${row.pathTemplate} is not under ${api.basePath}.`, invalidParams: [{ name: 'api', reason: `the path is not under ${api.basePath}` }] });
    }
    const path = api.basePath === '/' ? row.pathTemplate : row.pathTemplate.slice(api.basePath.replace(/\/$/, '').length) || '/';
    const check = checkPathTemplate(path);
    if (!check.ok) throw new TollgateError('invalid_params', { detail: `The template cannot be a route: ${check.reason}.`, invalidParams: [{ name: 'id', reason: check.reason }] });
    const data = routeData(ZCreateRouteRequest.parse({ path, methods: [row.method], auth: input.auth }));
    await checkRouteKey(tx, api.id, data.key);
    const route = await tx.route.create({ data: { ...data, apiId: api.id } });
    ctx.configChanged('route', route.id, `${api.slug} ${route.key}`);
    if (api.openapi !== null && typeof api.openapi === 'object') {
      const document = withStub(api.openapi as Record<string, unknown>, path, row.method);
      await tx.api.update({ where: { id: api.id }, data: { openapi: document } });
      await recordRemovedOperations(tx, api.id, api.openapi, document);
      ctx.configChanged('api', api.id, api.slug);
    }
    await tx.discoveredEndpoint.update({ where: { id: row.id }, data: { promotedAt: new Date(), apiId: api.id, blockStatus: null } });
    if (row.blockStatus !== null) ctx.configChanged('discovery', row.id, endpointLabel(row));
    ctx.audit({ resourceId: row.id, after: { endpoint: endpointLabel(row), api: api.slug, route: route.key } });
    return { api: api.slug, route: toRouteResource(route) };
  },
});

async function owningApi(tx: Tx, slug: string | undefined, apiId: string | null): Promise<Api> {
  if (slug !== undefined) return findApiOrThrow(tx, slug);
  const api = apiId !== null ? await tx.api.findUnique({ where: { id: apiId } }) : null;
  if (api === null) throw new TollgateError('invalid_params', { detail: 'No API holds this endpoint; name one.', invalidParams: [{ name: 'api', reason: 'required: no API base path holds this endpoint' }] });
  return api;
}

/** The document with a stub operation on `path`, its path parameters declared. */
function withStub(document: Record<string, unknown>, path: string, method: string): Prisma.InputJsonValue {
  const paths = { ...((document.paths as Record<string, unknown> | undefined) ?? {}) };
  const item = { ...((paths[path] as Record<string, unknown> | undefined) ?? {}) };
  const parameters = [...path.matchAll(/\{([^}/]+)\}/g)].map((match) => ({ name: match[1], in: 'path', required: true, schema: { type: 'string' } }));
  item[method.toLowerCase()] = {
    summary: `${method} ${path}`,
    description: 'Found by discovery and promoted to the catalog; describe it.',
    ...(parameters.length > 0 ? { parameters } : {}),
    responses: { default: { description: 'Not described yet' } },
  };
  paths[path] = item;
  return { ...document, paths } as Prisma.InputJsonValue;
}
