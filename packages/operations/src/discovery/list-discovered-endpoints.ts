import { ZListDiscoveredEndpointsRequest, type TDiscoveredEndpoint } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { readInventory } from './read-inventory';

/** The whole inventory (the CLI's `discover list`): stored endpoints most hits first, then orphans. */
export const listDiscoveredEndpoints = defineOperation({
  name: 'discovery.list',
  role: 'viewer',
  input: ZListDiscoveredEndpointsRequest,
  async run(tx, input): Promise<TDiscoveredEndpoint[]> {
    return readInventory(tx, input);
  },
});
