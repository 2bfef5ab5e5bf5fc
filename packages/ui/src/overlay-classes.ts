/** Shared by Dialog and ConfirmDialog so both modals look and sit the same. */
export const overlayClasses = 'fixed inset-0 z-50 bg-slate-950/60';

export const modalClasses =
  'fixed left-1/2 top-1/2 z-50 grid w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 gap-4 rounded-lg border border-border bg-card p-6 text-card-foreground shadow-lg outline-none';
