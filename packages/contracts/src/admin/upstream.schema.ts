import { z } from 'zod';
import { ZUpstream } from '../config/config-file.schema';

/** An API's targets and balancing; the upstream's other settings (timeouts, health checks, breaker) stay as stored. */
export const ZUpdateUpstreamRequest = ZUpstream.pick({ targets: true, loadBalancing: true });
export type TUpdateUpstreamRequest = z.input<typeof ZUpdateUpstreamRequest>;

/** One target as one gateway saw it at its last heartbeat. */
export const ZTargetHealth = z.object({
  gateway: z.string(),
  lastSeenAt: z.string(),
  url: z.string(),
  healthy: z.boolean(),
  ejectedUntil: z.string().nullable(),
  inFlight: z.number(),
  breaker: z.string(),
});
export type TTargetHealth = z.infer<typeof ZTargetHealth>;

export const ZUpstreamResource = z.object({
  loadBalancing: z.enum(['round-robin', 'weighted', 'least-connections']),
  targets: z.array(z.object({ url: z.string(), weight: z.int() })),
  health: z.array(ZTargetHealth),
});
export type TUpstreamResource = z.infer<typeof ZUpstreamResource>;
