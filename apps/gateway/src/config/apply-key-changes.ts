import type { ConfigChanges } from '@tollgate/db';
import type { CompiledKey, CompiledSnapshot } from './compiled-snapshot.types';
import { compileKey } from './index-snapshot';
import { keyPrefixFromHex } from './key-table';

/**
 * The served snapshot with key changes patched in (created, revoked, rotated, expiry or
 * scopes changed), or null when the changes need a full reload: anything but keys
 * changed, a revision left no change rows, a key was deleted, or a key belongs to an app
 * the snapshot does not know. The snapshot passed in is not modified.
 */
export function applyKeyChanges(current: CompiledSnapshot, changes: ConfigChanges): CompiledSnapshot | null {
  if (!changes.complete || changes.revision <= current.revision) return null;
  const ids = new Set<string>();
  for (const change of changes.changes) {
    if (change.entityType !== 'key' || change.entityId === null) return null;
    ids.add(change.entityId);
  }
  const rows = new Map(changes.keys.map((row) => [row.id, row]));
  const patch = new Map<string, CompiledKey | null>();
  for (const id of ids) {
    const row = rows.get(id);
    const app = row && current.index.apps.get(row.appId);
    if (row === undefined || app === undefined) return null;
    const expiresAtMs = row.expiresAt === null ? null : Date.parse(row.expiresAt);
    patch.set(keyPrefixFromHex(row.hash), compileKey(row.id, app, row.environment, row.scopes, expiresAtMs, row.revoked));
  }
  const keys = current.index.keys.patch(patch);
  return { ...current, revision: changes.revision, loadedAt: new Date().toISOString(), index: { ...current.index, revision: changes.revision, keys } };
}
