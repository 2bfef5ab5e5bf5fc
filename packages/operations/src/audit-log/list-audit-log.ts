import { ZListAuditLogQuery, type TAuditEntry } from '@tollgate/contracts';
import type { AuditLog } from '@tollgate/db';
import { defineOperation } from '../core/define-operation';
import { decodeCursor, pageOf } from '../core/paginate';
import { resourceLabels } from './resource-labels';

function toAuditEntry(row: AuditLog, labels: Map<string, string>): TAuditEntry {
  return {
    id: row.id.toString(),
    actor: { type: row.actorType, id: row.actorId, label: row.actorLabel },
    action: row.action,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    resourceLabel: (row.resourceId && labels.get(row.resourceId)) ?? null,
    ip: row.ip,
    requestId: row.requestId,
    before: (row.before ?? null) as Record<string, unknown> | null,
    after: (row.after ?? null) as Record<string, unknown> | null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Newest first; filter by actor id, resource and a time range [from, to). */
export const listAuditLog = defineOperation({
  name: 'audit_log.list',
  role: 'viewer',
  input: ZListAuditLogQuery,
  async run(tx, input) {
    const before = decodeCursor(input.cursor, (value) => /^\d{1,19}$/.test(value));
    const rows = await tx.auditLog.findMany({
      where: {
        actorId: input.actor,
        resourceType: input.resourceType,
        resourceId: input.resourceId,
        createdAt: { ...(input.from ? { gte: new Date(input.from) } : {}), ...(input.to ? { lt: new Date(input.to) } : {}) },
        ...(before ? { id: { lt: BigInt(before) } } : {}),
      },
      orderBy: { id: 'desc' },
      take: input.limit + 1,
    });
    const labels = await resourceLabels(tx, rows);
    return pageOf(rows, input.limit, (row) => row.id.toString(), (row) => toAuditEntry(row, labels));
  },
});
