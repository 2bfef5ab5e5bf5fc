import type { Db } from '../client/create-db';

export interface GatewayHeartbeat {
  id: string;
  hostname: string;
  version: string;
  configRevision: number;
  status?: Record<string, unknown>;
}

/**
 * Upserts the instance's row in gateway_instances and returns the config revision the
 * database holds now, so a gateway that missed a notification notices.
 */
export async function recordGatewayHeartbeat(db: Db, beat: GatewayHeartbeat): Promise<number> {
  const now = new Date();
  const status = (beat.status ?? {}) as object;
  await db.gatewayInstance.upsert({
    where: { id: beat.id },
    create: {
      id: beat.id,
      hostname: beat.hostname,
      version: beat.version,
      configRevision: BigInt(beat.configRevision),
      startedAt: now,
      lastSeenAt: now,
      status,
    },
    update: { configRevision: BigInt(beat.configRevision), lastSeenAt: now, status },
  });
  const state = await db.configState.findUnique({ where: { id: 1 }, select: { revision: true } });
  return Number(state?.revision ?? 0n);
}
