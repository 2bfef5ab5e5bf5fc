import { z } from 'zod';

/** A gateway lags when its revision is behind for longer than this, or its heartbeat is older. */
export const GATEWAY_LAG_SECONDS = 30;

export const ZGatewayInstance = z.object({
  id: z.string(),
  hostname: z.string(),
  version: z.string(),
  configRevision: z.string(),
  currentRevision: z.string(),
  startedAt: z.string(),
  lastSeenAt: z.string(),
  lagging: z.boolean(),
  /** Why it lags: `stale_revision` or `no_heartbeat`; null when it keeps up. */
  lagReason: z.enum(['stale_revision', 'no_heartbeat']).nullable(),
  status: z.record(z.string(), z.unknown()),
});
export type TGatewayInstance = z.infer<typeof ZGatewayInstance>;
