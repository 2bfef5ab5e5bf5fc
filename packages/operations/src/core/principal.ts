/** owner > admin > viewer; a developer user is no admin principal at all. */
export type AdminRole = 'owner' | 'admin' | 'viewer';

/** Who acts: a signed-in admin, a personal admin token, ADMIN_TOKEN, or the CLI on the database. */
export interface Principal {
  kind: 'user' | 'token' | 'bootstrap' | 'cli';
  /** User id, admin token id, `bootstrap` or `cli`. */
  id: string;
  /** What the audit log shows: an email, a token name, `bootstrap` or `cli`. */
  label: string;
  role: AdminRole;
  ip?: string;
}

const RANK: Readonly<Record<AdminRole, number>> = { viewer: 1, admin: 2, owner: 3 };

export function hasRole(principal: Pick<Principal, 'role'>, required: AdminRole): boolean {
  return (RANK[principal.role] ?? 0) >= RANK[required];
}

export const CLI_PRINCIPAL: Principal = Object.freeze({ kind: 'cli', id: 'cli', label: 'cli', role: 'owner' });
export const BOOTSTRAP_PRINCIPAL: Principal = Object.freeze({ kind: 'bootstrap', id: 'bootstrap', label: 'bootstrap', role: 'owner' });
