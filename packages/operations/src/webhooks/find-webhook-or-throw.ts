import { TollgateError } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';
import { WEBHOOK_INCLUDE, type WebhookWithTeam } from './to-webhook';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A webhook by id; an id that is not a UUID is as missing as an unknown one (404). */
export async function findWebhookOrThrow(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<WebhookWithTeam> {
  const missing = () => new TollgateError('not_found', { detail: 'No webhook with this id.' });
  if (!UUID.test(id)) throw missing();
  if (options.forUpdate) await tx.$queryRaw`SELECT 1 FROM "webhooks" WHERE "id" = ${id}::uuid FOR UPDATE`;
  const row = await tx.webhook.findUnique({ where: { id }, include: WEBHOOK_INCLUDE });
  if (!row) throw missing();
  return row;
}
