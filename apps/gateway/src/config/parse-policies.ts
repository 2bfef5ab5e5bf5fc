import { ZApiPolicies, ZRoutePolicies, type TApiPolicies, type TRoutePolicies } from '@tollgate/contracts';
import type { z } from 'zod';

export const DEFAULT_API_POLICIES: TApiPolicies = Object.freeze(ZApiPolicies.parse({}));
export const DEFAULT_ROUTE_POLICIES: TRoutePolicies = Object.freeze(ZRoutePolicies.parse({}));

export type ParsedPolicies<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Stored policies (apis.policies, routes.policies) parsed with the shared schema once,
 * when the snapshot compiles. They were validated when written, so a failure means a
 * damaged snapshot or a schema the store predates; the caller locks what they govern.
 */
export function parsePolicies<T>(schema: z.ZodType<T>, stored: unknown, defaults: T): ParsedPolicies<T> {
  if (stored === null || stored === undefined) return { ok: true, value: defaults };
  const parsed = schema.safeParse(stored);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, reason: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ') };
}

export const parseApiPolicies = (stored: unknown) => parsePolicies(ZApiPolicies, stored, DEFAULT_API_POLICIES);
export const parseRoutePolicies = (stored: unknown) => parsePolicies(ZRoutePolicies, stored, DEFAULT_ROUTE_POLICIES);
