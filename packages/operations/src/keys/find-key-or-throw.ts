import { TollgateError } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';
import { KEY_INCLUDE, type KeyWithApp } from './to-key-resource';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key with this id, or 404 (a malformed id too); `forUpdate` locks its row. */
export async function findKeyOrThrow(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<KeyWithApp> {
  if (!UUID.test(id)) throw new TollgateError('not_found', { detail: `No key with id "${id}".` });
  if (options.forUpdate) await tx.$queryRaw`SELECT 1 FROM "api_keys" WHERE "id" = ${id}::uuid FOR UPDATE`;
  const key = await tx.apiKey.findUnique({ where: { id }, include: KEY_INCLUDE });
  if (!key) throw new TollgateError('not_found', { detail: `No key with id "${id}".` });
  return key;
}
