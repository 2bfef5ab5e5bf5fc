import { z } from 'zod';

/** One upstream target as a gateway last reported it in its heartbeat (gateway_instances.status.targets). */
const ZTargetHealth = z.object({
  api: z.string(),
  url: z.string(),
  healthy: z.boolean(),
  ejectedUntil: z.string().nullable().catch(null),
  inFlight: z.number().catch(0),
  breaker: z.enum(['closed', 'open', 'half_open']).catch('closed'),
});
export type TargetHealth = z.infer<typeof ZTargetHealth>;

/** The targets a heartbeat carries; entries that do not parse are left out (a gateway of another version may send more). */
export function readTargets(status: Record<string, unknown>): TargetHealth[] {
  const targets = Array.isArray(status.targets) ? status.targets : [];
  return targets.flatMap((target) => {
    const parsed = ZTargetHealth.safeParse(target);
    return parsed.success ? [parsed.data] : [];
  });
}
