import { z } from 'zod';
import { defineOperation } from '../core/define-operation';

export interface AuditFacets {
  /** Everyone who wrote an entry, by id (what the audit log filters on) with the label to show. */
  actors: { id: string; label: string; type: string }[];
  resourceTypes: string[];
}

const MAX_ACTORS = 200;

/** The actors and resource types the audit log holds, to offer as filters. */
export const listAuditFacets = defineOperation({
  name: 'audit_log.facets',
  role: 'viewer',
  input: z.strictObject({}),
  async run(tx): Promise<AuditFacets> {
    const [actors, types] = await Promise.all([
      tx.auditLog.groupBy({ by: ['actorId', 'actorLabel', 'actorType'], where: { actorId: { not: null } }, _max: { id: true }, orderBy: { _max: { id: 'desc' } }, take: MAX_ACTORS }),
      tx.auditLog.groupBy({ by: ['resourceType'], orderBy: { resourceType: 'asc' } }),
    ]);
    const seen = new Set<string>();
    const unique = actors.filter((row) => row.actorId !== null && !seen.has(row.actorId) && seen.add(row.actorId));
    return {
      actors: unique.map((row) => ({ id: row.actorId as string, label: row.actorLabel || (row.actorId as string), type: row.actorType })),
      resourceTypes: types.map((row) => row.resourceType),
    };
  },
});
