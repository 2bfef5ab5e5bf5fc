import type { TAuditEntry } from '@tollgate/contracts';

function readable(record: Record<string, unknown> | null): string | null {
  for (const field of ['slug', 'name', 'email'] as const) {
    const value = record?.[field];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}

/** What an entry touched, as a person reads it: the slug, name or email the entry holds, else the record's current label, else a short id. */
export function describeResource(entry: Pick<TAuditEntry, 'resourceId' | 'resourceLabel' | 'before' | 'after'>): string {
  const name = readable(entry.after) ?? readable(entry.before) ?? entry.resourceLabel;
  if (name) return name;
  if (!entry.resourceId) return '';
  return entry.resourceId.length > 12 ? `${entry.resourceId.slice(0, 8)}…` : entry.resourceId;
}
