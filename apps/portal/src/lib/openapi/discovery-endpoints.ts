import {
  ZBlockDiscoveredEndpointRequest,
  ZBodySampling,
  ZSetBodySamplingRequest,
  ZDiscoveredEndpoint,
  ZDiscoveredEndpointPage,
  ZDiscoveredEndpointParams,
  ZDiscoveryImportQuery,
  ZDiscoveryImportResult,
  ZDiscoverySummary,
  ZDiscoverySummaryQuery,
  ZIgnoreDiscoveredEndpointRequest,
  ZListDiscoveryQuery,
  ZMergeDiscoveredEndpointsRequest,
  ZMergeDiscoveredEndpointsResult,
  ZPromoteDiscoveredEndpointRequest,
  ZPromoteDiscoveredEndpointResult,
  ZSplitDiscoveredEndpointResult,
} from '@tollgate/contracts';
import { z } from 'zod';
import type { Endpoint } from './endpoint';

const id = { id: ZDiscoveredEndpointParams.shape.id };
const endpoint = { name: 'DiscoveredEndpoint', schema: ZDiscoveredEndpoint };

function action(name: string, operationId: string, summary: string, body: z.ZodType | undefined, response: Endpoint['response']): Endpoint {
  return { method: 'post', path: `/discovery/{id}/${name}`, operationId, summary, tag: 'Discovery', pathParams: id, ...(body ? { body } : {}), response };
}

/** Shadow-API discovery: the endpoints the gateways and imported logs saw that the catalog does not describe. */
export const DISCOVERY_ENDPOINTS: Endpoint[] = [
  {
    method: 'get',
    path: '/discovery',
    operationId: 'listDiscoveredEndpoints',
    summary: 'List discovered endpoints, most hits first, then orphans (filter by kind, method, search and status)',
    tag: 'Discovery',
    query: ZListDiscoveryQuery,
    response: { name: 'DiscoveredEndpointPage', schema: ZDiscoveredEndpointPage },
  },
  {
    method: 'get',
    path: '/discovery/summary',
    operationId: 'getDiscoverySummary',
    summary: 'Count discovered endpoints per kind and the new ones per day',
    tag: 'Discovery',
    query: ZDiscoverySummaryQuery,
    response: { name: 'DiscoverySummary', schema: ZDiscoverySummary },
  },
  {
    method: 'post',
    path: '/discovery/imports',
    operationId: 'importDiscoveryLog',
    summary: 'Import an access log or HAR file (the raw body, up to 1 GiB, streamed): its endpoints join the inventory',
    tag: 'Discovery',
    query: ZDiscoveryImportQuery,
    upload: 'An nginx/Apache combined log, an AWS ALB log, JSON lines ({method, path|url, status, host}) or a HAR file; the format is read from the content.',
    status: 201,
    response: { name: 'DiscoveryImportResult', schema: ZDiscoveryImportResult },
  },
  {
    method: 'get',
    path: '/discovery/body-sampling',
    operationId: 'listBodySampling',
    summary: 'List every API with its body sampling rate (null: off)',
    tag: 'Discovery',
    response: { name: 'BodySamplingList', schema: z.array(ZBodySampling) },
  },
  {
    method: 'put',
    path: '/discovery/body-sampling',
    operationId: 'setBodySampling',
    summary: "Look at 1 in rate responses of an API's undocumented calls for emails, card numbers and tokens (only the kind is kept); rate null turns it off",
    tag: 'Discovery',
    body: ZSetBodySamplingRequest,
    response: { name: 'BodySampling', schema: ZBodySampling },
  },
  { method: 'get', path: '/discovery/{id}', operationId: 'getDiscoveredEndpoint', summary: 'Get a discovered endpoint', tag: 'Discovery', pathParams: id, response: endpoint },
  action('promote', 'promoteDiscoveredEndpoint', 'Promote an endpoint to the catalog: a route on its API and an OpenAPI stub to complete', ZPromoteDiscoveredEndpointRequest.omit({ id: true }), { name: 'PromotedDiscoveredEndpoint', schema: ZPromoteDiscoveredEndpointResult }),
  action('block', 'blockDiscoveredEndpoint', 'Block an endpoint at the gateway with 404 or 410 problem+json (status null lifts the block)', ZBlockDiscoveredEndpointRequest.omit({ id: true }), endpoint),
  action('ignore', 'ignoreDiscoveredEndpoint', 'Leave an endpoint out of the inventory (ignored: false takes it back)', z.object({ ignored: ZIgnoreDiscoveredEndpointRequest.shape.ignored }), endpoint),
  action('split', 'splitDiscoveredEndpoint', 'Split a template back into the literal paths it folded, for good', undefined, { name: 'SplitDiscoveredEndpoint', schema: ZSplitDiscoveredEndpointResult }),
  action('merge', 'mergeDiscoveredEndpoints', 'Merge a template into another of the same host, for good', ZMergeDiscoveredEndpointsRequest.omit({ id: true }), { name: 'MergedDiscoveredEndpoints', schema: ZMergeDiscoveredEndpointsResult }),
];
