// What an apply changed, in the order it changed it. Printed by the CLI, returned by the
// admin API, and turned into config_changes rows so gateways can reload incrementally.

export type ChangeAction = 'create' | 'update' | 'delete';
export type ChangeKind = 'user' | 'api' | 'route' | 'target' | 'plan' | 'team' | 'member' | 'app' | 'subscription' | 'key' | 'jwt_issuer' | 'jwt_client' | 'discovery';

export interface Change {
  action: ChangeAction;
  kind: ChangeKind;
  /** Human name: a slug, "api/route key", an email. Never a secret. */
  name: string;
  /** Row id, for the gateway's incremental reload. */
  id?: string;
}

export class ChangeSet {
  readonly changes: Change[] = [];

  add(action: ChangeAction, kind: ChangeKind, name: string, id?: string): void {
    this.changes.push({ action, kind, name, id });
  }

  get size(): number {
    return this.changes.length;
  }
}

function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, item]) => [key, normalise(item)]),
    );
  }
  return value;
}

/** True when any field of `desired` differs from the same field of `existing`. */
export function differs(existing: Record<string, unknown>, desired: Record<string, unknown>): boolean {
  return Object.entries(desired).some(
    ([key, value]) => JSON.stringify(normalise(existing[key])) !== JSON.stringify(normalise(value)),
  );
}
