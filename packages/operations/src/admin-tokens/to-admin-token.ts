import type { TAdminToken } from '@tollgate/contracts';
import type { AdminToken } from '@tollgate/db';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toAdminToken(row: AdminToken): TAdminToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    expiresAt: iso(row.expiresAt),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
    createdAt: row.createdAt.toISOString(),
  };
}
