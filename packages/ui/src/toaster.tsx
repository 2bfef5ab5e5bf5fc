'use client';

import { useTheme } from 'next-themes';
import { Toaster as Sonner } from 'sonner';

export { toast } from 'sonner';

/** Where toasts appear; follows the current theme. Mount it once, in the root layout. */
export function Toaster() {
  const { resolvedTheme } = useTheme();
  return (
    <Sonner
      theme={resolvedTheme === 'dark' ? 'dark' : 'light'}
      position="bottom-right"
      closeButton
      toastOptions={{ classNames: { toast: 'border border-border bg-card text-card-foreground shadow-lg', description: 'text-muted-foreground' } }}
    />
  );
}
