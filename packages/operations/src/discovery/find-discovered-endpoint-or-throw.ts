import type { DiscoveredEndpoint } from '@tollgate/db';
import { TollgateError } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';

export async function findDiscoveredEndpointOrThrow(tx: Tx, id: string): Promise<DiscoveredEndpoint> {
  const row = await tx.discoveredEndpoint.findUnique({ where: { id } });
  if (!row) throw new TollgateError('not_found', { detail: `No discovered endpoint with id "${id}".` });
  return row;
}

export const endpointLabel = (row: DiscoveredEndpoint) => `${row.method} ${row.pathTemplate}${row.host ? ` on ${row.host}` : ''}`;
