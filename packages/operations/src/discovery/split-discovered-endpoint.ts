import { ZSplitDiscoveredEndpointRequest } from '@tollgate/contracts';
import type { DiscoveredEndpoint, Prisma } from '@tollgate/db';
import { isParamSegment, PathTemplater, splitPath } from '@tollgate/domain';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { jsonCounts } from './discovery-rows';
import { endpointLabel, findDiscoveredEndpointOrThrow } from './find-discovered-endpoint-or-throw';
import { loadDecisions } from './load-decisions';

/**
 * Splits a template back into literals and remembers it, so neither the gateway nor a
 * re-run folds those values again. The concrete paths kept as samples become rows of
 * their own with their hits; what the samples do not account for stays on the template.
 */
export const splitDiscoveredEndpoint = defineOperation({
  name: 'discovery.split',
  role: 'admin',
  input: ZSplitDiscoveredEndpointRequest,
  audit: { resourceType: 'discovered_endpoint' },
  async run(tx, { id }, ctx) {
    const row = await findDiscoveredEndpointOrThrow(tx, id);
    if (!splitPath(row.pathTemplate).some(isParamSegment)) {
      throw new TollgateError('invalid_params', { detail: `${row.pathTemplate} has no parameter to split.`, invalidParams: [{ name: 'id', reason: 'the template has no parameter' }] });
    }
    await tx.discoveryDecision.upsert({
      where: { host_kind_template: { host: row.host, kind: 'split', template: row.pathTemplate } },
      create: { host: row.host, kind: 'split', template: row.pathTemplate },
      update: {},
    });
    const templater = new PathTemplater({ decisions: (await loadDecisions(tx)).forHost(row.host).templaterDecisions });
    const byTemplate = new Map<string, number>();
    for (const [path, hits] of Object.entries(jsonCounts(row.samples))) {
      const template = templater.template(path);
      if (template !== row.pathTemplate) byTemplate.set(template, (byTemplate.get(template) ?? 0) + hits);
    }
    const literals: string[] = [];
    let moved = 0n;
    for (const [template, hits] of byTemplate) {
      moved += BigInt(hits);
      literals.push(template);
      await addLiteral(tx, row, template, hits);
    }
    const left = row.hits - moved;
    if (left > 0n) await tx.discoveredEndpoint.update({ where: { id }, data: { hits: left, samples: {} } });
    else await tx.discoveredEndpoint.delete({ where: { id } });
    ctx.configChanged('discovery', id, endpointLabel(row));
    ctx.audit({ resourceId: id, after: { endpoint: endpointLabel(row), split: true, literals } });
    return { template: row.pathTemplate, literals };
  },
});

async function addLiteral(tx: Parameters<typeof splitDiscoveredEndpoint.run>[0], from: DiscoveredEndpoint, template: string, hits: number): Promise<void> {
  const where = { host_method_pathTemplate: { host: from.host, method: from.method, pathTemplate: template } };
  const common = { lastSeenAt: from.lastSeenAt, credentialsSeen: from.credentialsSeen, consumers: from.consumers, sources: from.sources };
  await tx.discoveredEndpoint.upsert({
    where,
    create: {
      ...common,
      host: from.host,
      method: from.method,
      pathTemplate: template,
      kind: from.kind,
      apiId: from.apiId,
      hits: BigInt(hits),
      firstSeenAt: from.firstSeenAt,
      samples: { [template]: hits } as Prisma.InputJsonValue,
    },
    update: { ...common, hits: { increment: BigInt(hits) } },
  });
}
