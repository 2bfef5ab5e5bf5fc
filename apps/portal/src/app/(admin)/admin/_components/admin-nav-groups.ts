import { BarChart3, BellRing, Radar, Boxes, FileClock, FileCode2, KeyRound, KeySquare, LayoutDashboard, Layers, Network, ShieldCheck, Users, Webhook, AppWindow, Receipt, UserCog, ScrollText, type LucideIcon } from 'lucide-react';

export type AdminNavItem = { href: string; label: string; icon: LucideIcon; exact?: boolean };
export type AdminNavGroup = { label: string | null; items: AdminNavItem[] };

/** Every area of the console, grouped as an admin thinks of them. */
export const ADMIN_NAV_GROUPS: readonly AdminNavGroup[] = [
  { label: null, items: [{ href: '/admin', label: 'Overview', icon: LayoutDashboard, exact: true }] },
  {
    label: 'Catalog',
    items: [
      { href: '/admin/apis', label: 'APIs', icon: Boxes },
      { href: '/admin/plans', label: 'Plans', icon: Layers },
    ],
  },
  {
    label: 'Consumers',
    items: [
      { href: '/admin/teams', label: 'Teams', icon: Users },
      { href: '/admin/apps', label: 'Apps', icon: AppWindow },
      { href: '/admin/subscriptions', label: 'Subscriptions', icon: Receipt },
      { href: '/admin/keys', label: 'Keys', icon: KeyRound },
    ],
  },
  {
    label: 'Analytics',
    items: [
      { href: '/admin/usage', label: 'Usage', icon: BarChart3 },
      { href: '/admin/request-log', label: 'Request log', icon: ScrollText },
      { href: '/admin/alerts', label: 'Alerts', icon: BellRing },
      { href: '/admin/discovery', label: 'Discovery', icon: Radar },
    ],
  },
  {
    label: 'Observe',
    items: [
      { href: '/admin/audit-log', label: 'Audit log', icon: FileClock },
      { href: '/admin/gateways', label: 'Gateways', icon: Network },
    ],
  },
  {
    label: 'Settings',
    items: [
      { href: '/admin/jwt-issuers', label: 'JWT issuers', icon: ShieldCheck },
      { href: '/admin/webhooks', label: 'Webhooks', icon: Webhook },
      { href: '/admin/admin-users', label: 'Admin users', icon: UserCog },
      { href: '/admin/admin-tokens', label: 'Admin tokens', icon: KeySquare },
      { href: '/admin/api-reference', label: 'Admin API', icon: FileCode2 },
    ],
  },
];

/** Whether `pathname` is inside the area `item` links to. */
export function isCurrent(item: Pick<AdminNavItem, 'href' | 'exact'>, pathname: string): boolean {
  return item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
}
