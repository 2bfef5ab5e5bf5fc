import { randomUUID } from 'node:crypto';
import { displayPrefix, hashApiKey, parseApiKey } from '@tollgate/domain';
import { TollgateError } from '@tollgate/errors';
import type { TConfigApp } from '@tollgate/contracts';
import type { Prisma } from '../generated/prisma/client';
import { differs, type ChangeSet } from './change-set';

/** Keys are looked up and created this many at a time: 100,000 keys take a few dozen statements, not 200,000. */
const BATCH = 5_000;

interface WantedKey {
  index: number;
  hash: string;
  prefix: string;
  environment: 'live' | 'test';
  name: string;
  scopes: string[];
  expiresAt: Date | null;
}

function wantedKey(key: TConfigApp['keys'][number], index: number): WantedKey {
  const common = { index, name: key.name, scopes: key.scopes, expiresAt: key.expiresAt ? new Date(key.expiresAt) : null };
  if (key.key !== undefined) {
    const parsed = parseApiKey(key.key);
    return { ...common, hash: hashApiKey(key.key), prefix: displayPrefix(key.key), environment: parsed.ok ? parsed.environment : 'live' };
  }
  const prefix = key.prefix!;
  return { ...common, hash: key.keyHash!, prefix, environment: prefix.startsWith('tg_test_') ? 'test' : 'live' };
}

/** Upserts an app's keys by hash, a batch at a time; a key that belongs to another app is refused. */
export async function applyKeys(tx: Prisma.TransactionClient, appId: string, app: TConfigApp, at: string, changes: ChangeSet): Promise<void> {
  const wanted = app.keys.map(wantedKey);
  for (let start = 0; start < wanted.length; start += BATCH) {
    const batch = wanted.slice(start, start + BATCH);
    const existing = await tx.apiKey.findMany({ where: { hash: { in: batch.map((key) => key.hash) } } });
    const byHash = new Map(existing.map((row) => [row.hash, row]));
    const created: WantedKey[] = [];
    for (const key of batch) {
      const current = byHash.get(key.hash);
      if (current === undefined) {
        created.push(key);
        continue;
      }
      if (current.appId !== appId) {
        throw new TollgateError('invalid_params', { detail: `${at}.keys[${key.index}]: key ${key.prefix}… belongs to another app`, invalidParams: [{ name: `${at}.keys[${key.index}]`, reason: `key ${key.prefix}… belongs to another app` }] });
      }
      const data = { name: key.name, scopes: key.scopes, expiresAt: key.expiresAt };
      if (differs(current, data)) {
        await tx.apiKey.update({ where: { id: current.id }, data });
        changes.add('update', 'key', `${app.slug} ${key.prefix}…`, current.id);
      }
    }
    if (created.length === 0) continue;
    const rows = await insertKeys(tx, appId, created);
    for (const row of rows) changes.add('create', 'key', `${app.slug} ${row.prefix}…`, row.id);
  }
}

/**
 * One INSERT per batch, its columns passed as arrays: Prisma's createMany spends about 2 ms a
 * row building the statement (measured with bench/apply-keys.ts), which made 100,000 keys take
 * minutes. Scopes travel as JSON text because unnest flattens a two-dimensional array;
 * expiry as ISO text, stored in UTC as Prisma stores every timestamp.
 */
async function insertKeys(tx: Prisma.TransactionClient, appId: string, keys: WantedKey[]): Promise<{ id: string; prefix: string }[]> {
  const ids = keys.map(() => randomUUID());
  return tx.$queryRaw<{ id: string; prefix: string }[]>`
    INSERT INTO "api_keys" ("id", "appId", "hash", "prefix", "environment", "name", "scopes", "expiresAt")
    SELECT k.id, ${appId}::uuid, k.hash, k.prefix, k.environment::"KeyEnvironment", k.name,
           ARRAY(SELECT jsonb_array_elements_text(k.scopes::jsonb)), k.expires_at AT TIME ZONE 'UTC'
    FROM unnest(${ids}::uuid[], ${keys.map((key) => key.hash)}::text[], ${keys.map((key) => key.prefix)}::text[],
                ${keys.map((key) => key.environment)}::text[], ${keys.map((key) => key.name)}::text[],
                ${keys.map((key) => JSON.stringify(key.scopes))}::text[], ${keys.map((key) => key.expiresAt?.toISOString() ?? null)}::timestamptz[])
         AS k(id, hash, prefix, environment, name, scopes, expires_at)
    RETURNING "id"::text AS id, "prefix"`;
}
