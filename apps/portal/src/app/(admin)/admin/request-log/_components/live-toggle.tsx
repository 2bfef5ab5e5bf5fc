'use client';

import { Label, Switch, useTableState } from '@tollgate/ui';
import { useRouter } from 'next/navigation';
import { useEffect, useId } from 'react';
import { LIVE_REFRESH_MS, REQUEST_LOG_TABLE } from './request-log-table-spec';

/** Asks the server for the page again every few seconds while the tab is in view; a hidden tab asks nothing. */
function useLiveRefresh(enabled: boolean) {
  const router = useRouter();
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setInterval> | undefined;
    const stop = () => clearInterval(timer);
    const start = () => {
      stop();
      timer = setInterval(() => router.refresh(), LIVE_REFRESH_MS);
    };
    const onVisibility = () => {
      if (document.visibilityState !== 'visible') return stop();
      router.refresh();
      start();
    };
    if (document.visibilityState === 'visible') start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [enabled, router]);
}

/** Live: the last 5 minutes, newest first, refreshed every 5 seconds; its state is in the URL (`live=1`). */
export function LiveToggle() {
  const controls = useTableState(REQUEST_LOG_TABLE);
  const live = controls.state.filters.live === '1';
  const id = useId();
  useLiveRefresh(live);
  return (
    <div className="flex items-center gap-2">
      <Switch
        id={id}
        checked={live}
        onCheckedChange={(checked) => {
          controls.setFilter('live', checked ? '1' : null);
          // The live view has its own range.
          controls.setFilter('from', null);
          controls.setFilter('to', null);
        }}
      />
      <Label htmlFor={id}>Live</Label>
    </div>
  );
}
