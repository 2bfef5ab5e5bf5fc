import { z } from 'zod';

/** Forwarding knobs read from `upstreams.settings` and `routes.policies` (route wins). */
export const ZForwardPolicy = z.object({
  /** Time to wait for response headers, and between body chunks. */
  timeoutMs: z.int().min(1).max(3_600_000).optional(),
});

export type TForwardPolicy = z.infer<typeof ZForwardPolicy>;

/** The policy fields, or {} with a warning when the JSON does not fit. */
export function readForwardPolicy(value: unknown, where: string, warn: (message: string) => void): TForwardPolicy {
  if (value === null || value === undefined) return {};
  const result = ZForwardPolicy.safeParse(value);
  if (result.success) return result.data;
  warn(`${where}: ignoring forward policy (${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')})`);
  return {};
}
