import { ZDiscoveredEndpointParams } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { findDiscoveredEndpointOrThrow } from './find-discovered-endpoint-or-throw';
import { toDiscoveredEndpoint } from './to-discovered-endpoint';

/** One stored endpoint, whatever its standing (an orphan has an id once it is ignored). */
export const getDiscoveredEndpoint = defineOperation({
  name: 'discovery.get',
  role: 'viewer',
  input: ZDiscoveredEndpointParams,
  async run(tx, { id }) {
    const row = await findDiscoveredEndpointOrThrow(tx, id);
    const api = row.apiId === null ? null : await tx.api.findUnique({ where: { id: row.apiId }, select: { slug: true } });
    return toDiscoveredEndpoint(row, api?.slug ?? null);
  },
});
