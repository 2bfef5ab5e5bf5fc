'use client';

import { Skeleton } from '@tollgate/ui';
import dynamic from 'next/dynamic';

/** Scalar and its styles are fetched only when an API page shows a reference, and only in the browser. */
export const ApiReference = dynamic(() => import('./scalar-reference'), {
  ssr: false,
  loading: () => (
    <div role="status" className="grid gap-3">
      <span className="sr-only">Loading the API reference…</span>
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-40" />
      <Skeleton className="h-40" />
    </div>
  ),
});
