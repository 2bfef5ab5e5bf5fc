import { ZBlockDiscoveredEndpointRequest } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { endpointLabel, findDiscoveredEndpointOrThrow } from './find-discovered-endpoint-or-throw';
import { toDiscoveredEndpoint } from './to-discovered-endpoint';

/** The gateway answers the template with 404 or 410 problem+json (status null lifts the block). */
export const blockDiscoveredEndpoint = defineOperation({
  name: 'discovery.block',
  role: 'admin',
  input: ZBlockDiscoveredEndpointRequest,
  audit: { resourceType: 'discovered_endpoint' },
  async run(tx, { id, status }, ctx) {
    const row = await findDiscoveredEndpointOrThrow(tx, id);
    const updated = await tx.discoveredEndpoint.update({ where: { id }, data: { blockStatus: status } });
    ctx.configChanged('discovery', id, endpointLabel(row));
    ctx.audit({ resourceId: id, action: status === null ? 'discovery.unblock' : 'discovery.block', before: { blocked: row.blockStatus }, after: { endpoint: endpointLabel(row), blocked: status } });
    return toDiscoveredEndpoint(updated, null);
  },
});
