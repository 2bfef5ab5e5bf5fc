'use client';

import { Button, Dialog } from '@tollgate/ui';
import { Menu } from 'lucide-react';
import { useState } from 'react';
import { NavLink } from '@/components/nav-link';
import { PORTAL_LINKS } from './portal-links';

/** On narrow screens: a menu button that opens the portal's sections as a sheet from the left. */
export function PortalMobileNav() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Developer portal"
      trigger={
        <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open navigation">
          <Menu aria-hidden="true" />
        </Button>
      }
      className="left-0 top-0 h-dvh w-72 max-w-[85vw] translate-x-0 translate-y-0 content-start overflow-y-auto rounded-none border-y-0 border-l-0 p-4"
    >
      <nav aria-label="Developer portal" className="grid gap-1" onClick={() => setOpen(false)}>
        {PORTAL_LINKS.map((link) => (
          <NavLink key={link.href} href={link.href}>
            {link.label}
          </NavLink>
        ))}
      </nav>
    </Dialog>
  );
}
