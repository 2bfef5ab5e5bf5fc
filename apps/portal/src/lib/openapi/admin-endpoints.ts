import {
  ZAdminToken,
  ZAuditEntry,
  ZGatewayInstance,
  ZApiResource,
  ZApiSlugParams,
  ZCreateAdminTokenRequest,
  ZCreateApiRequest,
  ZCreatedAdminToken,
  ZPage,
  ZUpdateApiRequest,
} from '@tollgate/contracts';
import { listAdminTokens, listApis, listAuditLog, listGateways } from '@tollgate/operations';
import { z } from 'zod';
import type { Endpoint } from './endpoint';

const slug = { slug: ZApiSlugParams.shape.slug };
const id = { id: z.uuid() };

/** Every admin API endpoint; the OpenAPI document is generated from this list and the schemas in it. */
export const ADMIN_ENDPOINTS: Endpoint[] = [
  { method: 'get', path: '/admin-tokens', operationId: 'listAdminTokens', summary: 'List admin tokens', tag: 'Admin tokens', query: listAdminTokens.input, response: { name: 'AdminTokenPage', schema: ZPage(ZAdminToken) } },
  { method: 'post', path: '/admin-tokens', operationId: 'createAdminToken', summary: 'Create an admin token (shown once)', tag: 'Admin tokens', body: ZCreateAdminTokenRequest, status: 201, response: { name: 'CreatedAdminToken', schema: ZCreatedAdminToken } },
  { method: 'get', path: '/admin-tokens/{id}', operationId: 'getAdminToken', summary: 'Get an admin token', tag: 'Admin tokens', pathParams: id, etag: true, response: { name: 'AdminToken', schema: ZAdminToken } },
  { method: 'delete', path: '/admin-tokens/{id}', operationId: 'revokeAdminToken', summary: 'Revoke an admin token', tag: 'Admin tokens', pathParams: id, etag: true, response: { name: 'AdminToken', schema: ZAdminToken } },
  { method: 'get', path: '/apis', operationId: 'listApis', summary: 'List APIs', tag: 'APIs', query: listApis.input, response: { name: 'ApiPage', schema: ZPage(ZApiResource) } },
  { method: 'post', path: '/apis', operationId: 'createApi', summary: 'Create an API', tag: 'APIs', body: ZCreateApiRequest, status: 201, response: { name: 'Api', schema: ZApiResource } },
  { method: 'get', path: '/apis/{slug}', operationId: 'getApi', summary: 'Get an API', tag: 'APIs', pathParams: slug, etag: true, response: { name: 'Api', schema: ZApiResource } },
  { method: 'patch', path: '/apis/{slug}', operationId: 'updateApi', summary: 'Update an API (name, visibility, lifecycle, ...)', tag: 'APIs', pathParams: slug, body: ZUpdateApiRequest, etag: true, response: { name: 'Api', schema: ZApiResource } },
  { method: 'get', path: '/audit-log', operationId: 'listAuditLog', summary: 'List audit entries, newest first', tag: 'Audit log', query: listAuditLog.input, response: { name: 'AuditEntryPage', schema: ZPage(ZAuditEntry) } },
  { method: 'get', path: '/gateways', operationId: 'listGateways', summary: 'List gateway instances and whether they lag', tag: 'Gateways', query: listGateways.input, response: { name: 'GatewayInstancePage', schema: ZPage(ZGatewayInstance) } },
  { method: 'delete', path: '/apis/{slug}', operationId: 'deleteApi', summary: 'Delete an API without subscriptions', tag: 'APIs', pathParams: slug, etag: true, status: 204 },
];
