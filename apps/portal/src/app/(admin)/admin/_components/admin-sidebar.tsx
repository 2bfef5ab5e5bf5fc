import { ArrowUpRight } from 'lucide-react';
import Link from 'next/link';
import { Brand } from '@/components/brand';
import { AdminNav } from './admin-nav';

/** The console's navigation column on wide screens; phones open the same navigation from the header's menu button. */
export function AdminSidebar() {
  return (
    <aside className="sticky top-0 hidden h-screen w-60 shrink-0 flex-col border-r border-border bg-card lg:flex">
      <div className="flex h-14 items-center border-b border-border px-5">
        <Brand href="/admin" suffix="Console" />
      </div>
      <div className="flex-1 overflow-y-auto px-3 py-5">
        <AdminNav />
      </div>
      <div className="border-t border-border px-5 py-3">
        <Link href="/" className="inline-flex items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
          Developer portal <ArrowUpRight className="size-3.5" aria-hidden="true" />
        </Link>
      </div>
    </aside>
  );
}
