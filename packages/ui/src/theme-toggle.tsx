'use client';

import { Moon, Sun } from 'lucide-react';
import { useTheme } from 'next-themes';
import { useSyncExternalStore } from 'react';
import { Button } from './button';
import { cn } from './cn';

/** Switches between the light and the dark theme; the icon shown is the theme you would switch to. */
export function ThemeToggle({ className }: { className?: string }) {
  const { resolvedTheme, setTheme } = useTheme();
  // The server cannot know the stored theme: render its label first, the real one once hydrated.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const dark = hydrated && resolvedTheme === 'dark';
  return (
    <Button variant="ghost" size="icon" className={cn('size-8', className)} aria-label={dark ? 'Switch to light theme' : 'Switch to dark theme'} onClick={() => setTheme(dark ? 'light' : 'dark')}>
      <Sun className="hidden dark:block" aria-hidden="true" />
      <Moon className="block dark:hidden" aria-hidden="true" />
    </Button>
  );
}

const noSubscription = () => () => {};
