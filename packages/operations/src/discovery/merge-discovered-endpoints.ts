import { ZMergeDiscoveredEndpointsRequest } from '@tollgate/contracts';
import type { DiscoveredEndpoint, Prisma } from '@tollgate/db';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { mergedColumns } from './discovery-rows';
import { endpointLabel, findDiscoveredEndpointOrThrow } from './find-discovered-endpoint-or-throw';

/**
 * Merges one template into another on the same host and remembers it: the rows of the
 * first template (every method) are added into the second's, and later traffic and
 * re-runs fold the first template into the second.
 */
export const mergeDiscoveredEndpoints = defineOperation({
  name: 'discovery.merge',
  role: 'admin',
  input: ZMergeDiscoveredEndpointsRequest,
  audit: { resourceType: 'discovered_endpoint' },
  async run(tx, { id, into }, ctx) {
    const from = await findDiscoveredEndpointOrThrow(tx, id);
    const target = await findDiscoveredEndpointOrThrow(tx, into);
    if (from.host !== target.host || from.pathTemplate === target.pathTemplate) {
      throw new TollgateError('invalid_params', { detail: 'Merge two different templates of the same host.', invalidParams: [{ name: 'into', reason: 'must be another template on the same host' }] });
    }
    await tx.discoveryDecision.upsert({
      where: { host_kind_template: { host: from.host, kind: 'merge', template: from.pathTemplate } },
      create: { host: from.host, kind: 'merge', template: from.pathTemplate, into: target.pathTemplate },
      update: { into: target.pathTemplate },
    });
    const rows = await tx.discoveredEndpoint.findMany({ where: { host: from.host, pathTemplate: from.pathTemplate } });
    for (const row of rows) {
      await tx.discoveredEndpoint.delete({ where: { id: row.id } });
      const existing = await tx.discoveredEndpoint.findUnique({ where: { host_method_pathTemplate: { host: row.host, method: row.method, pathTemplate: target.pathTemplate } } });
      if (existing === null) await tx.discoveredEndpoint.create({ data: { ...jsonColumns(row), id: row.id, pathTemplate: target.pathTemplate } });
      else await tx.discoveredEndpoint.update({ where: { id: existing.id }, data: mergedColumns(existing, row) });
    }
    ctx.configChanged('discovery', from.id, endpointLabel(from));
    ctx.audit({ resourceId: target.id, after: { merged: endpointLabel(from), into: endpointLabel(target) } });
    return { template: from.pathTemplate, into: target.pathTemplate, rows: rows.length };
  },
});

function jsonColumns(row: DiscoveredEndpoint) {
  return { ...row, statusCounts: row.statusCounts as Prisma.InputJsonValue, samples: row.samples as Prisma.InputJsonValue };
}
