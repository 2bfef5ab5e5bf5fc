import { ZAlertRule, ZAnalyticsApiQuery, ZAnalyticsReport, ZCreateAlertRuleRequest, ZGetRequestLogEntryQuery, ZPage, ZRequestLogDetail, ZRequestLogPage, ZUpdateAlertRuleRequest } from '@tollgate/contracts';
import { listAlertRules, listRequestLog } from '@tollgate/operations';
import { z } from 'zod';
import type { Endpoint } from './endpoint';

const id = { id: z.uuid() };

/** What the gateways recorded (the analytics over the rollups, the request log) and the alert rules watching it. */
export const ANALYTICS_ENDPOINTS: Endpoint[] = [
  {
    method: 'get',
    path: '/analytics',
    operationId: 'getAnalytics',
    summary: 'Calls by outcome per bucket, latency percentiles, the previous period and the top APIs, routes, apps, teams, upstream versions and status classes for a range and filters (format=csv: one chart’s data)',
    tag: 'Analytics',
    query: ZAnalyticsApiQuery,
    response: { name: 'AnalyticsReport', schema: ZAnalyticsReport },
  },
  {
    method: 'get',
    path: '/request-log',
    operationId: 'listRequestLog',
    summary: 'List requests newest first, within a time range of at most 7 days (the last 24 hours by default)',
    tag: 'Request log',
    query: listRequestLog.input,
    response: { name: 'RequestLogPage', schema: ZRequestLogPage },
  },
  {
    method: 'get',
    path: '/request-log/{id}',
    operationId: 'getRequestLogEntry',
    summary: 'Get one request by its id and time (headers and bodies are never recorded)',
    tag: 'Request log',
    pathParams: { id: ZGetRequestLogEntryQuery.shape.id },
    query: ZGetRequestLogEntryQuery.omit({ id: true }),
    response: { name: 'RequestLogEntry', schema: ZRequestLogDetail },
  },
  { method: 'get', path: '/alerts', operationId: 'listAlertRules', summary: 'List alert rules with their state (ok, or firing since when)', tag: 'Alerts', query: listAlertRules.input, response: { name: 'AlertRulePage', schema: ZPage(ZAlertRule) } },
  { method: 'post', path: '/alerts', operationId: 'createAlertRule', summary: 'Create an alert rule (error rate, p95 latency or a subscription\'s quota use over a threshold)', tag: 'Alerts', body: ZCreateAlertRuleRequest, status: 201, response: { name: 'AlertRule', schema: ZAlertRule } },
  { method: 'get', path: '/alerts/{id}', operationId: 'getAlertRule', summary: 'Get an alert rule', tag: 'Alerts', pathParams: id, etag: true, response: { name: 'AlertRule', schema: ZAlertRule } },
  { method: 'patch', path: '/alerts/{id}', operationId: 'updateAlertRule', summary: 'Update an alert rule (checked as a whole after the merge)', tag: 'Alerts', pathParams: id, body: ZUpdateAlertRuleRequest, etag: true, response: { name: 'AlertRule', schema: ZAlertRule } },
  { method: 'delete', path: '/alerts/{id}', operationId: 'deleteAlertRule', summary: 'Delete an alert rule', tag: 'Alerts', pathParams: id, etag: true, status: 204 },
];
