'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** Renders the server page again every `seconds` while the tab is visible, so heartbeats and health stay live. */
export function AutoRefresh({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh();
    }, seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}
