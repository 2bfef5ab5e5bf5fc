import { z } from 'zod';
import { ZPageQuery } from './page.schema';

export const ZListAuditLogQuery = ZPageQuery.extend({
  /** Actor id: a user id, an admin token id, `cli` or `bootstrap`. */
  actor: z.string().min(1).max(200).optional(),
  resourceType: z.string().min(1).max(100).optional(),
  resourceId: z.string().min(1).max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type TListAuditLogQuery = z.infer<typeof ZListAuditLogQuery>;

export const ZAuditEntry = z.object({
  id: z.string(),
  actor: z.object({ type: z.string(), id: z.string().nullable(), label: z.string() }),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  /** The record's current slug, route key, key prefix or email; null when it is gone. */
  resourceLabel: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.string(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;
