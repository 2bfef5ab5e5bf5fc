'use client';

import { Button, Dialog } from '@tollgate/ui';
import { Menu } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { AdminNav } from './admin-nav';

/** On narrow screens: a menu button that opens the console's navigation as a sheet from the left. */
export function MobileNav() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Tollgate console"
      trigger={
        <Button variant="ghost" size="icon" className="lg:hidden" aria-label="Open navigation">
          <Menu aria-hidden="true" />
        </Button>
      }
      className="left-0 top-0 h-dvh w-72 max-w-[85vw] translate-x-0 translate-y-0 content-start overflow-y-auto rounded-none border-y-0 border-l-0 p-4"
    >
      <AdminNav onNavigate={() => setOpen(false)} />
      <Link href="/" onClick={() => setOpen(false)} className="px-3 text-sm text-muted-foreground hover:text-foreground">
        Developer portal
      </Link>
    </Dialog>
  );
}
