import {
  ZAppResource,
  ZCreateAppRequest,
  ZCreateKeyRequest,
  ZCreateSubscriptionRequest,
  ZCreateTeamRequest,
  ZCreatedKey,
  ZKeyResource,
  ZMoveSubscriptionRequest,
  ZPage,
  ZRejectSubscriptionRequest,
  ZSlug,
  ZSubscriptionResource,
  ZSuspendSubscriptionRequest,
  ZTeamResource,
  ZUpdateAppRequest,
  ZUpdateKeyRequest,
  ZUpdateTeamRequest,
} from '@tollgate/contracts';
import { listApps, listKeys, listSubscriptions, listTeams } from '@tollgate/operations';
import { z } from 'zod';
import type { Endpoint } from './endpoint';

const slug = { slug: ZSlug };
const id = { id: z.uuid() };
const subscription = { name: 'Subscription', schema: ZSubscriptionResource };

function action(name: string, operationId: string, summary: string, body?: z.ZodType): Endpoint {
  return { method: 'post', path: `/subscriptions/{id}/${name}`, operationId, summary, tag: 'Subscriptions', pathParams: id, ...(body ? { body } : {}), etag: true, response: subscription };
}

/** Teams, apps, subscriptions and keys: the consumers of the platform's APIs. */
export const CONSUMER_ENDPOINTS: Endpoint[] = [
  { method: 'get', path: '/teams', operationId: 'listTeams', summary: 'List teams', tag: 'Teams', query: listTeams.input, response: { name: 'TeamPage', schema: ZPage(ZTeamResource) } },
  { method: 'post', path: '/teams', operationId: 'createTeam', summary: 'Create a team', tag: 'Teams', body: ZCreateTeamRequest, status: 201, response: { name: 'Team', schema: ZTeamResource } },
  { method: 'get', path: '/teams/{slug}', operationId: 'getTeam', summary: 'Get a team', tag: 'Teams', pathParams: slug, etag: true, response: { name: 'Team', schema: ZTeamResource } },
  { method: 'patch', path: '/teams/{slug}', operationId: 'updateTeam', summary: 'Update a team (name, slug, partner)', tag: 'Teams', pathParams: slug, body: ZUpdateTeamRequest, etag: true, response: { name: 'Team', schema: ZTeamResource } },
  { method: 'delete', path: '/teams/{slug}', operationId: 'deleteTeam', summary: 'Delete a team without apps', tag: 'Teams', pathParams: slug, etag: true, status: 204 },
  { method: 'get', path: '/apps', operationId: 'listApps', summary: 'List apps (of one team with ?team=)', tag: 'Apps', query: listApps.input, response: { name: 'AppPage', schema: ZPage(ZAppResource) } },
  { method: 'post', path: '/apps', operationId: 'createApp', summary: 'Create an app in a team', tag: 'Apps', body: ZCreateAppRequest, status: 201, response: { name: 'App', schema: ZAppResource } },
  { method: 'get', path: '/apps/{slug}', operationId: 'getApp', summary: 'Get an app', tag: 'Apps', pathParams: slug, etag: true, response: { name: 'App', schema: ZAppResource } },
  { method: 'patch', path: '/apps/{slug}', operationId: 'updateApp', summary: 'Update an app (name, slug, description, excluded from analytics)', tag: 'Apps', pathParams: slug, body: ZUpdateAppRequest, etag: true, response: { name: 'App', schema: ZAppResource } },
  { method: 'delete', path: '/apps/{slug}', operationId: 'deleteApp', summary: 'Delete an app and its keys (its subscriptions must be cancelled)', tag: 'Apps', pathParams: slug, etag: true, status: 204 },
  { method: 'get', path: '/subscriptions', operationId: 'listSubscriptions', summary: 'List subscriptions, pending requests first', tag: 'Subscriptions', query: listSubscriptions.input, response: { name: 'SubscriptionPage', schema: ZPage(ZSubscriptionResource) } },
  { method: 'post', path: '/subscriptions', operationId: 'createSubscription', summary: 'Subscribe an app to an API on a plan (pending when the plan needs approval)', tag: 'Subscriptions', body: ZCreateSubscriptionRequest, status: 201, response: subscription },
  { method: 'get', path: '/subscriptions/{id}', operationId: 'getSubscription', summary: 'Get a subscription', tag: 'Subscriptions', pathParams: id, etag: true, response: subscription },
  action('approve', 'approveSubscription', 'Approve a pending subscription'),
  action('reject', 'rejectSubscription', 'Reject a pending subscription with a reason', ZRejectSubscriptionRequest),
  action('suspend', 'suspendSubscription', 'Suspend an active subscription (the gateway answers 403)', ZSuspendSubscriptionRequest),
  action('resume', 'resumeSubscription', 'Resume a suspended subscription'),
  action('move', 'moveSubscription', 'Move a subscription to another plan covering its API', ZMoveSubscriptionRequest),
  action('reset-quota', 'resetSubscriptionQuota', 'Start the current quota period afresh'),
  action('cancel', 'cancelSubscription', 'Cancel a subscription'),
  { method: 'get', path: '/keys', operationId: 'listKeys', summary: 'List keys, newest first (never a secret)', tag: 'Keys', query: listKeys.input, response: { name: 'KeyPage', schema: ZPage(ZKeyResource) } },
  { method: 'post', path: '/keys', operationId: 'createKey', summary: 'Create a key for an app (the key is shown once)', tag: 'Keys', body: ZCreateKeyRequest, status: 201, response: { name: 'CreatedKey', schema: ZCreatedKey } },
  { method: 'get', path: '/keys/{id}', operationId: 'getKey', summary: 'Get a key', tag: 'Keys', pathParams: id, etag: true, response: { name: 'Key', schema: ZKeyResource } },
  { method: 'patch', path: '/keys/{id}', operationId: 'updateKey', summary: 'Leave a key\'s calls out of the analytics charts, or bring them back', tag: 'Keys', pathParams: id, body: ZUpdateKeyRequest, etag: true, response: { name: 'Key', schema: ZKeyResource } },
  { method: 'post', path: '/keys/{id}/revoke', operationId: 'revokeKey', summary: 'Revoke a key (gateways refuse it within a second)', tag: 'Keys', pathParams: id, etag: true, response: { name: 'Key', schema: ZKeyResource } },
];
