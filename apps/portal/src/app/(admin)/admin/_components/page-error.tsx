'use client';

import { Button, ErrorState } from '@tollgate/ui';
import { useEffect } from 'react';

/** `retry` (Next.js 16) renders the server page again; `reset` only clears the boundary. */
export type PageErrorProps = { error: Error & { digest?: string }; reset: () => void; retry?: () => void; title?: string };

/** What a console page shows when its data could not be read: the failure, a reference to quote, and a retry. */
export function PageError({ error, reset, retry, title = 'This page could not be loaded' }: PageErrorProps) {
  useEffect(() => console.error(error), [error]);
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-semibold tracking-tight text-foreground">{title}</h1>
      <ErrorState
        title="Something went wrong while reading from the server"
        requestId={error.digest}
        action={
          <Button variant="secondary" onClick={retry ?? reset}>
            Try again
          </Button>
        }
      >
        The failure was logged. Try again; if it keeps failing, quote the reference below.
      </ErrorState>
    </div>
  );
}
