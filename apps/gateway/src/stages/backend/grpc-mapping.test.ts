import { status } from '@grpc/grpc-js';
import { toProblem } from '@tollgate/errors';
import { describe, expect, it } from 'vitest';
import { grpcProblem } from './grpc-mapping';

// google/rpc/code.proto's HTTP mapping, written out independently of the code under test.
const HTTP: [keyof typeof status, number][] = [
  ['CANCELLED', 499],
  ['UNKNOWN', 500],
  ['INVALID_ARGUMENT', 400],
  ['DEADLINE_EXCEEDED', 504],
  ['NOT_FOUND', 404],
  ['ALREADY_EXISTS', 409],
  ['PERMISSION_DENIED', 403],
  ['RESOURCE_EXHAUSTED', 429],
  ['FAILED_PRECONDITION', 400],
  ['ABORTED', 409],
  ['OUT_OF_RANGE', 400],
  ['UNIMPLEMENTED', 501],
  ['INTERNAL', 500],
  ['UNAVAILABLE', 503],
  ['DATA_LOSS', 500],
  ['UNAUTHENTICATED', 401],
];

describe('grpcProblem', () => {
  it.each(HTTP)('maps %s to HTTP %i with the gRPC status and message', (name, http) => {
    const problem = toProblem(grpcProblem(status[name], 'why'));
    expect(problem).toMatchObject({ status: http, grpcStatus: status[name], grpcCode: name, grpcMessage: 'why' });
    expect(problem.detail).toBe(`The gRPC upstream answered ${name}: why`);
  });

  it('maps a status outside the table to 500', () => {
    expect(toProblem(grpcProblem(42, '')).status).toBe(500);
  });
});
