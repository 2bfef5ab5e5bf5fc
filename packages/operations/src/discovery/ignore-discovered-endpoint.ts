import { ZIgnoreDiscoveredEndpointRequest } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { endpointLabel, findDiscoveredEndpointOrThrow } from './find-discovered-endpoint-or-throw';
import { toDiscoveredEndpoint } from './to-discovered-endpoint';

/** Leaves the endpoint out of the inventory, and the gateways stop counting it; an orphan is stored to remember it. */
export const ignoreDiscoveredEndpoint = defineOperation({
  name: 'discovery.ignore',
  role: 'admin',
  input: ZIgnoreDiscoveredEndpointRequest,
  audit: { resourceType: 'discovered_endpoint' },
  async run(tx, input, ctx) {
    const row =
      input.id !== undefined
        ? await findDiscoveredEndpointOrThrow(tx, input.id)
        : await tx.discoveredEndpoint.upsert({
            where: { host_method_pathTemplate: { host: '', method: input.method!.toUpperCase(), pathTemplate: input.path! } },
            create: { host: '', method: input.method!.toUpperCase(), pathTemplate: input.path!, kind: 'orphan' },
            update: {},
          });
    const updated = await tx.discoveredEndpoint.update({ where: { id: row.id }, data: { ignored: input.ignored } });
    // The gateways follow: an ignored template is no longer counted (nor announced as new).
    ctx.configChanged('discovery', row.id, endpointLabel(row));
    ctx.audit({ resourceId: row.id, before: { ignored: row.ignored }, after: { endpoint: endpointLabel(row), ignored: input.ignored } });
    return toDiscoveredEndpoint(updated, null);
  },
});
