import type { TAdminRole } from '@tollgate/contracts';

export const ROLE_OPTIONS: { value: TAdminRole; label: string }[] = [
  { value: 'viewer', label: 'viewer: reads everything, changes nothing' },
  { value: 'admin', label: 'admin: runs the platform' },
  { value: 'owner', label: 'owner: also manages owners' },
];

/** The roles someone may hand out: never more than their own. */
export function grantableRoles(own: TAdminRole) {
  const rank = { viewer: 1, admin: 2, owner: 3 } as const;
  return ROLE_OPTIONS.filter((option) => rank[option.value] <= rank[own]);
}
