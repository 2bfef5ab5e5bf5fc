import { ZGetRequestLogEntryQuery, ZRequestLogDetail, ZRequestLogPage } from '@tollgate/contracts';
import { listRequestLog } from '@tollgate/operations';
import type { Endpoint } from './endpoint';

/** What the gateways recorded: the request log. */
export const ANALYTICS_ENDPOINTS: Endpoint[] = [
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
];
