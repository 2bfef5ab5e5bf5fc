import { ZRoutePolicies, routeKey, type TCreateRouteRequest } from '@tollgate/contracts';
import type { Prisma } from '@tollgate/db';
import { TollgateError } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';

const POLICY_FIELDS = Object.keys(ZRoutePolicies.shape);

/** The columns of a route from its request shape; policies go to the JSON column as the config file stores them. */
export function routeData(route: TCreateRouteRequest) {
  const policies = Object.fromEntries(POLICY_FIELDS.flatMap((field) => {
    const value = (route as Record<string, unknown>)[field];
    return value === undefined ? [] : [[field, value]];
  }));
  return {
    key: routeKey(route),
    path: route.path,
    methods: [...route.methods].sort(),
    auth: route.auth.replaceAll('-', '_') as 'none' | 'key' | 'jwt' | 'key_or_jwt',
    weight: route.weight,
    allowQueryKey: route.allowQueryKey,
    stripBasePath: route.stripBasePath,
    rewrite: route.rewrite ?? null,
    policies: policies as Prisma.InputJsonValue,
  };
}

/** A route's identity (methods and path) is unique inside its API: a second one is a 409 on `path`. */
export async function checkRouteKey(tx: Tx, apiId: string, key: string, exceptId?: string): Promise<void> {
  const taken = await tx.route.findUnique({ where: { apiId_key: { apiId, key } }, select: { id: true } });
  if (taken && taken.id !== exceptId) {
    throw new TollgateError('conflict', { detail: `The API already has the route "${key}".`, invalidParams: [{ name: 'path', reason: `"${key}" already exists in this API` }] });
  }
}
