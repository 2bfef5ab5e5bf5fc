/** The developer portal's sections, in the header and in the phone menu. */
export const PORTAL_LINKS = [
  { href: '/apis', label: 'APIs' },
  { href: '/apps', label: 'Apps' },
  { href: '/usage', label: 'Usage' },
  { href: '/billing', label: 'Billing' },
  { href: '/team', label: 'Team' },
] as const;
