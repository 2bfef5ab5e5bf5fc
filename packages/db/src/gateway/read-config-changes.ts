import type { Db } from '../client/create-db';
import { GATEWAY_KEY_COLUMNS, type SnapshotKey } from './gateway-snapshot';

export interface ConfigChangeRow {
  revision: number;
  /** A change kind (key, api, route, ..., subscription) or `full`. */
  entityType: string;
  entityId: string | null;
}

/** A key as the snapshot holds it, with revocation as a flag. */
export type ChangedKey = Omit<SnapshotKey, 'revokedAt'> & { revoked: boolean };

export interface ConfigChanges {
  /** config_state.revision now. */
  revision: number;
  /** False when some revision after `since` left no change rows: only a full reload is safe. */
  complete: boolean;
  changes: ConfigChangeRow[];
  /** The current rows of the keys the changes name; a key deleted since is absent. */
  keys: ChangedKey[];
}

/** Most change rows read for an incremental reload; beyond that a full reload is cheaper. */
/** More changes than this between two revisions and a gateway reloads everything instead of patching. */
export const MAX_PATCHABLE_CHANGES = 10_000;
const MAX_CHANGES = MAX_PATCHABLE_CHANGES;

/**
 * What changed after revision `since`, read in one repeatable-read transaction with the
 * current rows of the changed keys, so a gateway can patch its key table instead of
 * reloading everything.
 */
export async function readConfigChanges(db: Db, since: number): Promise<ConfigChanges> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('SET TRANSACTION READ ONLY');
      const state = await tx.configState.findUnique({ where: { id: 1 }, select: { revision: true } });
      const revision = Number(state?.revision ?? 0n);
      if (revision <= since) return { revision, complete: true, changes: [], keys: [] };
      const rows = await tx.configChange.findMany({
        where: { revision: { gt: BigInt(since), lte: BigInt(revision) } },
        orderBy: { id: 'asc' },
        take: MAX_CHANGES + 1,
        select: { revision: true, entityType: true, entityId: true },
      });
      const changes = rows.map((row) => ({ revision: Number(row.revision), entityType: row.entityType, entityId: row.entityId }));
      const complete = rows.length <= MAX_CHANGES && new Set(changes.map((change) => change.revision)).size === revision - since;
      const keyIds = [...new Set(changes.filter((change) => change.entityType === 'key' && change.entityId !== null).map((change) => change.entityId!))];
      const keys =
        complete && keyIds.length > 0 && changes.every((change) => change.entityType === 'key')
          ? await tx.apiKey.findMany({
              where: { id: { in: keyIds } },
              select: GATEWAY_KEY_COLUMNS,
            })
          : [];
      return {
        revision,
        complete,
        changes,
        keys: keys.map((key) => ({
          id: key.id,
          appId: key.appId,
          hash: key.hash,
          environment: key.environment,
          scopes: key.scopes,
          expiresAt: key.expiresAt ? key.expiresAt.toISOString() : null,
          revoked: key.revokedAt !== null,
        })),
      };
    },
    { isolationLevel: 'RepeatableRead', maxWait: 5_000, timeout: 15_000 },
  );
}
