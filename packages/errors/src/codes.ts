// The one registry of error codes. Every problem+json that Tollgate sends (gateway,
// admin API, CLI --json) takes its status, title and type URL from here.

export const DOCS_BASE = 'https://tollgate.dev/problems/';

export const ERROR_CODES = {
  // request shape
  bad_request: { status: 400, title: 'Bad request' },
  invalid_params: { status: 400, title: 'Invalid parameters' },
  invalid_path: { status: 400, title: 'Invalid request path' },
  request_timeout: { status: 408, title: 'Request timeout' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  unsafe_xml: { status: 400, title: 'XML with a document type or entity declaration refused' },
  headers_too_large: { status: 431, title: 'Request header fields too large' },
  // identity
  missing_credentials: { status: 401, title: 'Missing credentials' },
  malformed_api_key: { status: 401, title: 'Malformed API key' },
  invalid_api_key: { status: 401, title: 'Invalid API key' },
  revoked_api_key: { status: 401, title: 'Revoked API key' },
  expired_api_key: { status: 401, title: 'Expired API key' },
  invalid_token: { status: 401, title: 'Invalid token' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  no_subscription: { status: 403, title: 'No subscription for this API' },
  subscription_suspended: { status: 403, title: 'Subscription suspended' },
  out_of_scope: { status: 403, title: 'Key not allowed for this API or route' },
  unknown_client: { status: 403, title: 'Token client not registered' },
  ip_denied: { status: 403, title: 'Client address not allowed' },
  // routing
  not_found: { status: 404, title: 'Not found' },
  route_not_found: { status: 404, title: 'No route matches this request' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  endpoint_gone: { status: 410, title: 'This endpoint is no longer served' },
  conflict: { status: 409, title: 'Conflict' },
  precondition_failed: { status: 412, title: 'Precondition failed' },
  // limits
  rate_limited: { status: 429, title: 'Rate limit exceeded' },
  quota_exceeded: { status: 429, title: 'Quota exhausted' },
  concurrency_limited: { status: 429, title: 'Too many concurrent requests' },
  too_many_failed_attempts: { status: 429, title: 'Too many failed authentication attempts' },
  // upstream and gateway
  internal_error: { status: 500, title: 'Internal error' },
  upstream_failed: { status: 502, title: 'Upstream request failed' },
  aggregate_call_failed: { status: 502, title: 'A required call of the aggregate failed' },
  upstream_fault: { status: 502, title: 'The upstream answered with a fault' },
  no_healthy_target: { status: 503, title: 'No healthy upstream target' },
  route_misconfigured: { status: 503, title: 'Route configuration invalid' },
  circuit_open: { status: 503, title: 'Upstream circuit open' },
  upstream_busy: { status: 503, title: 'Upstream busy' },
  not_ready: { status: 503, title: 'Not ready' },
  identity_provider_unavailable: { status: 503, title: 'Identity provider unavailable' },
  rate_limiter_unavailable: { status: 503, title: 'Rate limiter unavailable' },
  metering_unavailable: { status: 503, title: 'Usage cannot be recorded' },
  database_unavailable: { status: 503, title: 'Database unavailable' },
  upstream_timeout: { status: 504, title: 'Upstream timed out' },
  // a gRPC upstream's status, mapped to HTTP as google.rpc.Code says (the problem carries grpcStatus and grpcMessage)
  grpc_bad_request: { status: 400, title: 'The gRPC upstream refused the request' },
  grpc_unauthenticated: { status: 401, title: 'The gRPC upstream did not authenticate the request' },
  grpc_permission_denied: { status: 403, title: 'The gRPC upstream denied the request' },
  grpc_not_found: { status: 404, title: 'The gRPC upstream found nothing' },
  grpc_conflict: { status: 409, title: 'The gRPC upstream reported a conflict' },
  grpc_resource_exhausted: { status: 429, title: 'The gRPC upstream is out of resources' },
  grpc_cancelled: { status: 499, title: 'The gRPC call was cancelled' },
  grpc_internal: { status: 500, title: 'The gRPC upstream failed' },
  grpc_unimplemented: { status: 501, title: 'The gRPC upstream does not implement the method' },
  grpc_unavailable: { status: 503, title: 'The gRPC upstream is unavailable' },
  grpc_deadline_exceeded: { status: 504, title: 'The gRPC call ran past its deadline' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

export function problemType(code: ErrorCode): string {
  return DOCS_BASE + code.replaceAll('_', '-');
}
