import pg from 'pg';
import { REVOKED_KEYS_KEPT_MS } from './load-gateway-snapshot';

/** Rows per FETCH: big enough to amortise the round trip, small enough to keep memory flat. */
const BATCH = 20_000;

/**
 * One key, handed over as arguments rather than an object so that loading 1,000,000
 * keys allocates no per-key wrapper. `hash` is the SHA-256 hex; `scopes` null when
 * unrestricted; `expiresAtMs` null when the key never expires; `revoked` for keys
 * revoked recently (kept so callers learn why they are refused).
 */
export type GatewayKeySink = (
  id: string,
  appId: string,
  hash: string,
  environment: 'live' | 'test',
  scopes: string[] | null,
  expiresAtMs: number | null,
  revoked: boolean,
) => void;

const raw = (value: string) => value;
const RAW_TYPES = { getTypeParser: () => raw } as unknown as pg.CustomTypesConfig;

/**
 * Streams every key the gateway serves (active, or revoked recently) through a
 * server-side cursor on a dedicated connection, inside a read-only repeatable-read transaction, and returns the config
 * revision that transaction saw. The caller compares it with the revision of the rest of
 * the snapshot.
 */
export async function streamGatewayKeys(databaseUrl: string, sink: GatewayKeySink): Promise<{ revision: number; count: number }> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000, types: RAW_TYPES });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const state = await client.query<{ revision: string }>('SELECT "revision" FROM "config_state" WHERE "id" = 1');
    await client.query(
      `DECLARE gateway_keys NO SCROLL CURSOR FOR
         SELECT "id", "appId", "hash", "environment",
                CASE WHEN cardinality("scopes") = 0 THEN NULL ELSE array_to_json("scopes")::text END,
                (extract(epoch FROM "expiresAt") * 1000)::float8,
                "revokedAt" IS NOT NULL
           FROM "api_keys" WHERE "revokedAt" IS NULL OR "revokedAt" > now() - interval '${Math.trunc(REVOKED_KEYS_KEPT_MS)} milliseconds'`,
    );
    let count = 0;
    for (;;) {
      const batch = await client.query<string[]>({ text: `FETCH FORWARD ${BATCH} FROM gateway_keys`, rowMode: 'array' });
      for (const row of batch.rows) {
        const [id, appId, hash, environment, scopes, expires, revoked] = row as [string, string, string, string, string | null, string | null, string];
        const parsedScopes = scopes === null ? null : (JSON.parse(scopes) as string[]);
        sink(id, appId, hash, environment === 'test' ? 'test' : 'live', parsedScopes, expires === null ? null : Number(expires), revoked === 't');
      }
      count += batch.rows.length;
      if (batch.rows.length < BATCH) break;
    }
    await client.query('COMMIT');
    return { revision: Number(state.rows[0]?.revision ?? 0), count };
  } finally {
    await client.end().catch(() => {});
  }
}
