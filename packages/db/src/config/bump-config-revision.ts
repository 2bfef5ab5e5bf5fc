import type { Prisma } from '../generated/prisma/client';
import type { Change } from './change-set';
import { MAX_PATCHABLE_CHANGES } from '../gateway/read-config-changes';

export const CONFIG_CHANNEL = 'tollgate_config';

/**
 * Moves the config to a new revision inside the caller's transaction: records what
 * changed and NOTIFYs the gateways, which Postgres delivers only when the transaction
 * commits. Every writer of gateway config goes through here.
 */
export async function bumpConfigRevision(tx: Prisma.TransactionClient, changes: readonly Change[]): Promise<bigint> {
  const [row] = await tx.$queryRaw<{ revision: bigint }[]>`
    UPDATE "config_state" SET "revision" = "revision" + 1, "updatedAt" = now() WHERE "id" = 1 RETURNING "revision"`;
  if (!row) throw new Error('config_state has no row: run the migrations');
  // Past what a gateway would patch (a bulk apply), one `full` entry says "reload" as well as 100,000 rows would.
  const entities = changes.length > 0 && changes.length <= MAX_PATCHABLE_CHANGES ? changes : [{ kind: 'full', id: undefined }];
  await tx.configChange.createMany({
    data: entities.map((change) => ({ revision: row.revision, entityType: change.kind, entityId: change.id ?? null })),
  });
  await tx.$executeRaw`SELECT pg_notify(${CONFIG_CHANNEL}, ${row.revision.toString()})`;
  return row.revision;
}
