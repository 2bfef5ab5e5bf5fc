import { z } from 'zod';
import { ZUpstream } from '../config/config-file.schema';
import { checkSplitVersions } from '../config/traffic-split.schema';

/** The fields of an upstream update, before the split's versions are checked against the targets. */
export const ZUpdateUpstreamFields = ZUpstream.pick({ targets: true, loadBalancing: true, split: true });

/** Refuses a split naming a version no target has, or a target without a version beside a split. */
export function checkUpstreamSplit(upstream: { targets: { version?: string }[]; split?: z.infer<typeof ZUpstream>['split'] }, ctx: z.RefinementCtx): void {
  checkSplitVersions(upstream.targets, upstream.split, ctx, ['split'], ['targets']);
}

/** An API's targets, balancing and traffic split; the upstream's other settings (timeouts, health checks, breaker) stay as stored. */
export const ZUpdateUpstreamRequest = ZUpdateUpstreamFields.superRefine(checkUpstreamSplit);
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
  targets: z.array(z.object({ url: z.string(), weight: z.int(), version: z.string().optional() })),
  /** The traffic split over the targets' versions, when there is one. */
  split: ZUpstream.shape.split,
  health: z.array(ZTargetHealth),
});
export type TUpstreamResource = z.infer<typeof ZUpstreamResource>;
