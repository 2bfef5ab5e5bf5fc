/** owner > admin > viewer run the platform. */
export type AdminRole = 'owner' | 'admin' | 'viewer';
/** What an operation requires: an admin role, or `developer` for the portal's own operations (any signed-in person). */
export type PrincipalRole = AdminRole | 'developer';

/**
 * Who acts: a signed-in admin, a personal admin token, ADMIN_TOKEN, the CLI on the database,
 * or a signed-in developer in the portal (whose reach is the teams they belong to, see team-scope.ts).
 */
export interface Principal {
  kind: 'user' | 'token' | 'bootstrap' | 'cli' | 'developer';
  /** User id, admin token id, `bootstrap` or `cli`. */
  id: string;
  /** What the audit log shows: an email, a token name, `bootstrap` or `cli`. */
  label: string;
  role: PrincipalRole;
  ip?: string;
}

/** A principal of the admin doors (console, admin API, CLI). */
export type AdminPrincipal = Principal & { role: AdminRole };

const RANK: Readonly<Record<PrincipalRole, number>> = { developer: 0, viewer: 1, admin: 2, owner: 3 };

export function hasRole(principal: Pick<Principal, 'role'>, required: PrincipalRole): boolean {
  return (RANK[principal.role] ?? -1) >= RANK[required];
}

/** A signed-in person acting in the developer portal: operations scope everything to their teams. */
export function developerPrincipal(user: { id: string; email: string }, ip?: string): Principal {
  return { kind: 'developer', id: user.id, label: user.email, role: 'developer', ...(ip ? { ip } : {}) };
}

export const CLI_PRINCIPAL: AdminPrincipal = Object.freeze({ kind: 'cli', id: 'cli', label: 'cli', role: 'owner' });
export const BOOTSTRAP_PRINCIPAL: AdminPrincipal = Object.freeze({ kind: 'bootstrap', id: 'bootstrap', label: 'bootstrap', role: 'owner' });

/**
 * Who acts when nobody is signed in yet: signing up, following a verification, reset or sign-in
 * link. A developer principal whose id is the nil UUID, which no user has, so team scoping
 * (team-scope.ts) finds no team for it; the audit entry names the person through its resource.
 */
export const PUBLIC_PRINCIPAL: Principal = Object.freeze({ kind: 'developer', id: '00000000-0000-0000-0000-000000000000', label: 'public', role: 'developer' });

/** PUBLIC_PRINCIPAL with the caller's address, for the audit entry. */
export function publicPrincipal(ip?: string): Principal {
  return ip ? { ...PUBLIC_PRINCIPAL, ip } : PUBLIC_PRINCIPAL;
}
