'use client';

import { ThemeProvider as NextThemesProvider } from 'next-themes';
import type { ReactNode } from 'react';

export type ThemeProviderProps = { children: ReactNode; defaultTheme?: 'light' | 'dark' | 'system'; nonce?: string };

/**
 * Light and dark themes as a class on <html> (the `dark` variant in styles.css keys off it).
 * The root <html> needs suppressHydrationWarning: the theme is applied before React hydrates.
 */
export function ThemeProvider({ children, defaultTheme = 'light', nonce }: ThemeProviderProps) {
  return (
    <NextThemesProvider attribute="class" defaultTheme={defaultTheme} enableSystem disableTransitionOnChange nonce={nonce}>
      {children}
    </NextThemesProvider>
  );
}
