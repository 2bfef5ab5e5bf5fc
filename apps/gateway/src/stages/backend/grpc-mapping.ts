import { status as GrpcStatus } from '@grpc/grpc-js';
import type { ErrorCode } from '@tollgate/errors';
import { TollgateError } from '@tollgate/errors';
import type protobuf from 'protobufjs';

/**
 * google.rpc.Code -> HTTP, as the gRPC-HTTP mapping (google/rpc/code.proto) gives it; each
 * HTTP status has its own problem code.
 */
const BY_STATUS: Record<number, ErrorCode> = {
  [GrpcStatus.CANCELLED]: 'grpc_cancelled',
  [GrpcStatus.UNKNOWN]: 'grpc_internal',
  [GrpcStatus.INVALID_ARGUMENT]: 'grpc_bad_request',
  [GrpcStatus.DEADLINE_EXCEEDED]: 'grpc_deadline_exceeded',
  [GrpcStatus.NOT_FOUND]: 'grpc_not_found',
  [GrpcStatus.ALREADY_EXISTS]: 'grpc_conflict',
  [GrpcStatus.PERMISSION_DENIED]: 'grpc_permission_denied',
  [GrpcStatus.RESOURCE_EXHAUSTED]: 'grpc_resource_exhausted',
  [GrpcStatus.FAILED_PRECONDITION]: 'grpc_bad_request',
  [GrpcStatus.ABORTED]: 'grpc_conflict',
  [GrpcStatus.OUT_OF_RANGE]: 'grpc_bad_request',
  [GrpcStatus.UNIMPLEMENTED]: 'grpc_unimplemented',
  [GrpcStatus.INTERNAL]: 'grpc_internal',
  [GrpcStatus.UNAVAILABLE]: 'grpc_unavailable',
  [GrpcStatus.DATA_LOSS]: 'grpc_internal',
  [GrpcStatus.UNAUTHENTICATED]: 'grpc_unauthenticated',
};

/** A non-OK gRPC status as the problem the client gets: its HTTP status, the gRPC code (number and name) and message. */
export function grpcProblem(code: number, message: string): TollgateError {
  const name = GrpcStatus[code] ?? 'UNKNOWN';
  return new TollgateError(BY_STATUS[code] ?? 'grpc_internal', {
    detail: message === '' ? `The gRPC upstream answered ${name}.` : `The gRPC upstream answered ${name}: ${message}`,
    extensions: { grpcStatus: code, grpcCode: name, grpcMessage: message },
  });
}

/** How the incoming request fills the request message (google.api.http style). */
export interface MessageSources {
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly query: string;
  /** The parsed JSON body, or undefined when the route reads none. */
  readonly body: unknown;
  /** `*`: the body is the message (the query is not read); a field name: the body goes there; undefined: no body. */
  readonly bodyField: string | undefined;
}

/**
 * The request message as a plain object: the body (whole or in its field), then the query
 * (names may be dotted into nested messages, a repeated field takes every value), then
 * the path parameters, which win. A query name that is not a field is refused (400).
 */
export function buildRequestMessage(type: protobuf.Type, sources: MessageSources): Record<string, unknown> {
  let message: Record<string, unknown> = {};
  if (sources.bodyField === '*') {
    if (typeof sources.body !== 'object' || sources.body === null || Array.isArray(sources.body)) throw new TollgateError('bad_request', { detail: 'The request body must be a JSON object.' });
    message = { ...(sources.body as Record<string, unknown>) };
  } else {
    if (sources.bodyField !== undefined && sources.body !== undefined) message[sources.bodyField] = sources.body;
    for (const [name, value] of new URLSearchParams(sources.query)) {
      if (name === 'api_key') continue;
      setQueryField(type, message, name, value);
    }
  }
  for (const [name, value] of Object.entries(sources.params)) if (name !== '*' && value !== undefined) message[name] = value;
  return message;
}

function setQueryField(type: protobuf.Type, message: Record<string, unknown>, name: string, value: string): void {
  const parts = name.split('.');
  let current = type;
  let target = message;
  for (const [index, part] of parts.entries()) {
    const field = current.fields[part];
    if (field === undefined) throw new TollgateError('invalid_params', { detail: `Query parameter ${name} is not a field of the request.`, invalidParams: [{ name, reason: `not a field of ${current.fullName.slice(1)}` }] });
    if (index === parts.length - 1) {
      if (field.repeated) target[part] = [...((target[part] as unknown[] | undefined) ?? []), value];
      else target[part] = value;
      return;
    }
    const nested = field.resolvedType;
    if (nested === null || !('fields' in nested) || field.repeated) throw new TollgateError('invalid_params', { detail: `Query parameter ${name} does not name a field of a message.`, invalidParams: [{ name, reason: `${part} is not a message field` }] });
    target = (target[part] ??= {}) as Record<string, unknown>;
    current = nested;
  }
}
