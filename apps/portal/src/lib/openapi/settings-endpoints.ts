import {
  ZCreateJwtIssuerRequest,
  ZCreateWebhookRequest,
  ZCreatedWebhook,
  ZJwtIssuerResource,
  ZPage,
  ZUpdateJwtIssuerRequest,
  ZUpdateWebhookRequest,
  ZWebhook,
  ZWebhookDelivery,
  ZWebhookSummary,
} from '@tollgate/contracts';
import { listJwtIssuers, listWebhookDeliveries, listWebhooks } from '@tollgate/operations';
import { z } from 'zod';
import type { Endpoint } from './endpoint';

const id = { id: z.uuid() };
const delivery = { ...id, deliveryId: z.uuid() };

/** JWT issuers and webhooks: the admin API endpoints of the console's settings. */
export const SETTINGS_ENDPOINTS: Endpoint[] = [
  { method: 'get', path: '/jwt-issuers', operationId: 'listJwtIssuers', summary: 'List JWT issuers', tag: 'JWT issuers', query: listJwtIssuers.input, response: { name: 'JwtIssuerPage', schema: ZPage(ZJwtIssuerResource) } },
  { method: 'post', path: '/jwt-issuers', operationId: 'createJwtIssuer', summary: 'Trust a JWT issuer on an API (gateways reload it)', tag: 'JWT issuers', body: ZCreateJwtIssuerRequest, status: 201, response: { name: 'JwtIssuer', schema: ZJwtIssuerResource } },
  { method: 'get', path: '/jwt-issuers/{id}', operationId: 'getJwtIssuer', summary: 'Get a JWT issuer', tag: 'JWT issuers', pathParams: id, etag: true, response: { name: 'JwtIssuer', schema: ZJwtIssuerResource } },
  { method: 'patch', path: '/jwt-issuers/{id}', operationId: 'updateJwtIssuer', summary: 'Update a JWT issuer (clients replace the list)', tag: 'JWT issuers', pathParams: id, body: ZUpdateJwtIssuerRequest, etag: true, response: { name: 'JwtIssuer', schema: ZJwtIssuerResource } },
  { method: 'delete', path: '/jwt-issuers/{id}', operationId: 'deleteJwtIssuer', summary: 'Stop trusting a JWT issuer', tag: 'JWT issuers', pathParams: id, etag: true, status: 204 },
  { method: 'get', path: '/webhooks', operationId: 'listWebhooks', summary: 'List webhooks with their queue', tag: 'Webhooks', query: listWebhooks.input, response: { name: 'WebhookPage', schema: ZPage(ZWebhookSummary) } },
  { method: 'post', path: '/webhooks', operationId: 'createWebhook', summary: 'Create a webhook (its signing secret is shown once)', tag: 'Webhooks', body: ZCreateWebhookRequest, status: 201, response: { name: 'CreatedWebhook', schema: ZCreatedWebhook } },
  { method: 'get', path: '/webhooks/{id}', operationId: 'getWebhook', summary: 'Get a webhook', tag: 'Webhooks', pathParams: id, etag: true, response: { name: 'Webhook', schema: ZWebhook } },
  { method: 'patch', path: '/webhooks/{id}', operationId: 'updateWebhook', summary: 'Update a webhook (URL, event types, active)', tag: 'Webhooks', pathParams: id, body: ZUpdateWebhookRequest, etag: true, response: { name: 'Webhook', schema: ZWebhook } },
  { method: 'delete', path: '/webhooks/{id}', operationId: 'deleteWebhook', summary: 'Delete a webhook and its delivery log', tag: 'Webhooks', pathParams: id, etag: true, status: 204 },
  { method: 'get', path: '/webhooks/{id}/deliveries', operationId: 'listWebhookDeliveries', summary: 'List a webhook\'s deliveries, newest first (status=dead for dead letters)', tag: 'Webhooks', pathParams: id, query: listWebhookDeliveries.input.omit({ webhookId: true }), response: { name: 'WebhookDeliveryPage', schema: ZPage(ZWebhookDelivery) } },
  { method: 'post', path: '/webhooks/{id}/deliveries/{deliveryId}/replay', operationId: 'replayWebhookDelivery', summary: 'Queue a dead or delivered delivery again', tag: 'Webhooks', pathParams: delivery, response: { name: 'WebhookDelivery', schema: ZWebhookDelivery } },
];
