import {
  ZCreateSignInLinkRequest,
  ZSignInLink,
  ZAdminToken,
  ZAdminUser,
  ZCreatedAdminUser,
  ZCreateAdminUserRequest,
  ZUpdateAdminUserRequest,
  ZAuditEntry,
  ZGatewayInstance,
  ZApiResource,
  ZApiSlugParams,
  ZCreateAdminTokenRequest,
  ZCreateApiRequest,
  ZCreatePlanRequest,
  ZImportApiRequest,
  ZImportApiResult,
  ZPlanResource,
  ZUpdatePlanRequest,
  ZCreateRouteRequest,
  ZRouteResource,
  ZUpdateRouteRequest,
  ZCreatedAdminToken,
  ZPage,
  ZUpdateApiRequest,
  ZUpdateUpstreamRequest,
  ZUpstreamResource,
} from '@tollgate/contracts';
import { listAdminTokens, listAdminUsers, listApis, listAuditLog, listGateways, listPlans, listRoutes } from '@tollgate/operations';
import { z } from 'zod';
import { ZApplyConfigRequest, ZApplyConfigResult } from '@tollgate/operations';
import { ZConfigFile } from '@tollgate/contracts';
import type { Endpoint } from './endpoint';
import { ANALYTICS_ENDPOINTS } from './analytics-endpoints';
import { CONSUMER_ENDPOINTS } from './consumer-endpoints';
import { DISCOVERY_ENDPOINTS } from './discovery-endpoints';
import { SETTINGS_ENDPOINTS } from './settings-endpoints';

const slug = { slug: ZApiSlugParams.shape.slug };
const id = { id: z.uuid() };
const route = { ...slug, routeId: z.uuid() };

/** Every admin API endpoint; the OpenAPI document is generated from this list and the schemas in it. */
export const ADMIN_ENDPOINTS: Endpoint[] = [
  { method: 'post', path: '/config/apply', operationId: 'applyConfig', summary: 'Apply a config file, or with dryRun say what it would change', tag: 'Config', body: ZApplyConfigRequest, response: { name: 'ApplyConfigResult', schema: ZApplyConfigResult } },
  { method: 'get', path: '/config/export', operationId: 'exportConfig', summary: 'Export the config as a file that applies back unchanged', tag: 'Config', response: { name: 'ConfigFile', schema: ZConfigFile } },
  { method: 'get', path: '/admin-tokens', operationId: 'listAdminTokens', summary: 'List admin tokens', tag: 'Admin tokens', query: listAdminTokens.input, response: { name: 'AdminTokenPage', schema: ZPage(ZAdminToken) } },
  { method: 'post', path: '/admin-tokens', operationId: 'createAdminToken', summary: 'Create an admin token (shown once)', tag: 'Admin tokens', body: ZCreateAdminTokenRequest, status: 201, response: { name: 'CreatedAdminToken', schema: ZCreatedAdminToken } },
  { method: 'get', path: '/admin-tokens/{id}', operationId: 'getAdminToken', summary: 'Get an admin token', tag: 'Admin tokens', pathParams: id, etag: true, response: { name: 'AdminToken', schema: ZAdminToken } },
  { method: 'delete', path: '/admin-tokens/{id}', operationId: 'revokeAdminToken', summary: 'Revoke an admin token', tag: 'Admin tokens', pathParams: id, etag: true, response: { name: 'AdminToken', schema: ZAdminToken } },
  { method: 'get', path: '/apis', operationId: 'listApis', summary: 'List APIs', tag: 'APIs', query: listApis.input, response: { name: 'ApiPage', schema: ZPage(ZApiResource) } },
  { method: 'post', path: '/apis', operationId: 'createApi', summary: 'Create an API', tag: 'APIs', body: ZCreateApiRequest, status: 201, response: { name: 'Api', schema: ZApiResource } },
  { method: 'post', path: '/apis/import', operationId: 'importApi', summary: 'Create or update an API and its routes from an OpenAPI 3.0/3.1 document (201 created, 200 updated)', tag: 'APIs', body: ZImportApiRequest, status: 201, response: { name: 'ApiImport', schema: ZImportApiResult } },
  { method: 'get', path: '/apis/{slug}', operationId: 'getApi', summary: 'Get an API', tag: 'APIs', pathParams: slug, etag: true, response: { name: 'Api', schema: ZApiResource } },
  { method: 'patch', path: '/apis/{slug}', operationId: 'updateApi', summary: 'Update an API (name, visibility, lifecycle, ...)', tag: 'APIs', pathParams: slug, body: ZUpdateApiRequest, etag: true, response: { name: 'Api', schema: ZApiResource } },
  { method: 'get', path: '/apis/{slug}/routes', operationId: 'listRoutes', summary: 'List the routes of an API', tag: 'Routes', pathParams: slug, query: listRoutes.input.omit({ apiSlug: true }), response: { name: 'RoutePage', schema: ZPage(ZRouteResource) } },
  { method: 'post', path: '/apis/{slug}/routes', operationId: 'createRoute', summary: 'Add a route to an API', tag: 'Routes', pathParams: slug, body: ZCreateRouteRequest, status: 201, response: { name: 'Route', schema: ZRouteResource } },
  { method: 'get', path: '/apis/{slug}/routes/{routeId}', operationId: 'getRoute', summary: 'Get a route', tag: 'Routes', pathParams: route, etag: true, response: { name: 'Route', schema: ZRouteResource } },
  { method: 'patch', path: '/apis/{slug}/routes/{routeId}', operationId: 'updateRoute', summary: 'Update a route and its policies', tag: 'Routes', pathParams: route, body: ZUpdateRouteRequest, etag: true, response: { name: 'Route', schema: ZRouteResource } },
  { method: 'delete', path: '/apis/{slug}/routes/{routeId}', operationId: 'deleteRoute', summary: 'Delete a route', tag: 'Routes', pathParams: route, etag: true, status: 204 },
  { method: 'get', path: '/apis/{slug}/upstream', operationId: 'getUpstream', summary: "Get an API's upstream: targets with their versions, balancing, traffic split, and each target's health as every gateway last reported it", tag: 'Upstreams', pathParams: slug, etag: true, response: { name: 'Upstream', schema: ZUpstreamResource } },
  { method: 'put', path: '/apis/{slug}/upstream', operationId: 'replaceUpstream', summary: "Replace an API's targets, balancing and traffic split (no split in the body removes it; timeouts, retries, health checks and the breaker stay as stored)", tag: 'Upstreams', pathParams: slug, body: ZUpdateUpstreamRequest, etag: true, response: { name: 'Upstream', schema: ZUpstreamResource } },
  { method: 'get', path: '/plans', operationId: 'listPlans', summary: 'List plans', tag: 'Plans', query: listPlans.input, response: { name: 'PlanPage', schema: ZPage(ZPlanResource) } },
  { method: 'post', path: '/plans', operationId: 'createPlan', summary: 'Create a plan', tag: 'Plans', body: ZCreatePlanRequest, status: 201, response: { name: 'Plan', schema: ZPlanResource } },
  { method: 'get', path: '/plans/{slug}', operationId: 'getPlan', summary: 'Get a plan', tag: 'Plans', pathParams: slug, etag: true, response: { name: 'Plan', schema: ZPlanResource } },
  { method: 'patch', path: '/plans/{slug}', operationId: 'updatePlan', summary: 'Update a plan (limits, quota, price, APIs)', tag: 'Plans', pathParams: slug, body: ZUpdatePlanRequest, etag: true, response: { name: 'Plan', schema: ZPlanResource } },
  { method: 'delete', path: '/plans/{slug}', operationId: 'deletePlan', summary: 'Delete a plan nobody subscribes to', tag: 'Plans', pathParams: slug, etag: true, status: 204 },
  { method: 'get', path: '/admin-users', operationId: 'listAdminUsers', summary: 'List admin users', tag: 'Admin users', query: listAdminUsers.input, response: { name: 'AdminUserPage', schema: ZPage(ZAdminUser) } },
  { method: 'post', path: '/admin-users', operationId: 'createAdminUser', summary: 'Add an admin user (a temporary password is answered once when none is given; only an owner adds an owner)', tag: 'Admin users', body: ZCreateAdminUserRequest, status: 201, response: { name: 'CreatedAdminUser', schema: ZCreatedAdminUser } },
  { method: 'get', path: '/admin-users/{id}', operationId: 'getAdminUser', summary: 'Get an admin user', tag: 'Admin users', pathParams: id, etag: true, response: { name: 'AdminUser', schema: ZAdminUser } },
  { method: 'patch', path: '/admin-users/{id}', operationId: 'updateAdminUser', summary: 'Rename an admin user or change their role (only an owner grants owner or changes an owner; the last owner stays)', tag: 'Admin users', pathParams: id, body: ZUpdateAdminUserRequest, etag: true, response: { name: 'AdminUser', schema: ZAdminUser } },
  { method: 'delete', path: '/admin-users/{id}', operationId: 'removeAdminUser', summary: 'Take away admin rights (the person keeps a developer account; the last owner stays)', tag: 'Admin users', pathParams: id, etag: true, status: 204 },
  { method: 'get', path: '/audit-log', operationId: 'listAuditLog', summary: 'List audit entries, newest first', tag: 'Audit log', query: listAuditLog.input, response: { name: 'AuditEntryPage', schema: ZPage(ZAuditEntry) } },
  { method: 'get', path: '/gateways', operationId: 'listGateways', summary: 'List gateway instances and whether they lag', tag: 'Gateways', query: listGateways.input, response: { name: 'GatewayInstancePage', schema: ZPage(ZGatewayInstance) } },
  { method: 'delete', path: '/apis/{slug}', operationId: 'deleteApi', summary: 'Delete an API without subscriptions', tag: 'APIs', pathParams: slug, etag: true, status: 204 },
  { method: 'post', path: '/teams/{slug}/sign-in-links', operationId: 'createSignInLink', summary: 'Mint a one-time sign-in link for a developer who is a member of the team (at most 15 minutes; redirectTo is a portal path)', tag: 'Teams', pathParams: slug, body: ZCreateSignInLinkRequest, status: 201, response: { name: 'SignInLink', schema: ZSignInLink } },
  ...SETTINGS_ENDPOINTS,
  ...CONSUMER_ENDPOINTS,
  ...ANALYTICS_ENDPOINTS,
  ...DISCOVERY_ENDPOINTS,
];
