import type { ReactNode } from 'react';
import Link from 'next/link';
import { Brand } from '@/components/brand';

/** The frame of every sign-in-side page: the brand above one centred card, and links below it. */
export function AuthCard({ title, description, children, footer }: { title: string; description?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-muted/40 to-muted px-4 py-12 sm:px-6">
      <Brand />
      <div className="mt-8 w-full max-w-sm rounded-2xl border border-border bg-card p-6 text-card-foreground shadow-sm sm:p-8">
        <h1 className="text-lg font-semibold">{title}</h1>
        {description ? <p className="mt-1 text-sm text-muted-foreground">{description}</p> : null}
        <div className="mt-6">{children}</div>
      </div>
      {footer ? <div className="mt-6 grid justify-items-center gap-2 text-sm text-muted-foreground">{footer}</div> : null}
    </main>
  );
}

/** A link under or inside the card. */
export function AuthLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="font-medium text-primary underline-offset-4 hover:underline focus-visible:underline">
      {children}
    </Link>
  );
}

/** A message in place of a form: what happened and what to do next. */
export function AuthNotice({ tone = 'info', children }: { tone?: 'info' | 'success' | 'error'; children: ReactNode }) {
  const tones = {
    info: 'border-border bg-muted/50 text-foreground',
    success: 'border-success/30 bg-success/10 text-success',
    error: 'border-destructive/30 bg-destructive/10 text-destructive',
  } as const;
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-md border px-3 py-2 text-sm ${tones[tone]}`}>
      {children}
    </div>
  );
}
