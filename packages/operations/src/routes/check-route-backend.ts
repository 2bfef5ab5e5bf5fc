import { formatIssuePath, routeBackendIssues, type TCreateRouteRequest } from '@tollgate/contracts';
import { grpcBackendIssues } from '@tollgate/contracts/grpc-proto';
import { TollgateError, type InvalidParam } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';

/**
 * A route's backend checked against the route and the catalog: an aggregate's path
 * placeholders must be the route's parameters, and each call's `upstream` an API that
 * exists; a gRPC backend's .proto parses and has its method. 400 invalid_params naming each field.
 */
export async function checkRouteBackend(tx: Tx, route: TCreateRouteRequest): Promise<void> {
  const invalid: InvalidParam[] = [...routeBackendIssues(route), ...grpcBackendIssues(route)].map((issue) => ({ name: formatIssuePath(issue.path), reason: issue.message }));
  if (route.backend?.kind === 'aggregate') {
    for (const [index, call] of route.backend.calls.entries()) {
      if (call.upstream === undefined) continue;
      const api = await tx.api.findUnique({ where: { slug: call.upstream }, select: { id: true } });
      if (api === null) invalid.push({ name: `backend.calls[${index}].upstream`, reason: `unknown api "${call.upstream}"` });
    }
  }
  if (invalid.length > 0) throw new TollgateError('invalid_params', { detail: invalid.map((param) => `${param.name}: ${param.reason}`).join('; '), invalidParams: invalid });
}
