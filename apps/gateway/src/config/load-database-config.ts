import { loadGatewaySnapshot, streamGatewayKeys, type Db, type GatewaySnapshot } from '@tollgate/db';
import type { CompiledKey } from './compiled-snapshot.types';
import { compileApps, compileKey, type PrebuiltKeys } from './index-snapshot';
import { keyPrefixFromHex, KeyTable } from './key-table';

const ATTEMPTS = 3;

export interface DatabaseConfig {
  /** The snapshot without its keys (`keys` is empty). */
  readonly snapshot: GatewaySnapshot;
  readonly keys: PrebuiltKeys;
}

/**
 * Reads the config in two parts: APIs, plans, apps and subscriptions through Prisma, and
 * the keys streamed through a cursor straight into the key table (no object per row in
 * between). Each part reads in its own repeatable-read transaction; when a change
 * committed in between (their revisions differ) it reads again, and after three tries
 * serves the older revision so the next reload catches up.
 */
export async function loadDatabaseConfig(db: Db, databaseUrl: string): Promise<DatabaseConfig> {
  for (let attempt = 1; ; attempt++) {
    const snapshot = await loadGatewaySnapshot(db, { keys: false });
    const apps = compileApps(snapshot.apps);
    const map = new Map<string, CompiledKey>();
    const keys = await streamGatewayKeys(databaseUrl, (id, appId, hash, environment, scopes, expiresAtMs, revoked) => {
      const app = apps.get(appId);
      if (app !== undefined) map.set(keyPrefixFromHex(hash), compileKey(id, app, environment, scopes, expiresAtMs, revoked));
    });
    if (keys.revision === snapshot.revision || attempt === ATTEMPTS) {
      return { snapshot: { ...snapshot, revision: Math.min(snapshot.revision, keys.revision) }, keys: { apps, keys: KeyTable.fromMap(map) } };
    }
  }
}
