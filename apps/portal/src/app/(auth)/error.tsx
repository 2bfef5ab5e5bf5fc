'use client';

import { Button, ErrorState } from '@tollgate/ui';
import { useEffect } from 'react';
import type { PageErrorProps } from '../(admin)/admin/_components/page-error';
import { AuthCard, AuthLink } from './_components/auth-card';

/** What a sign-in-side page shows when the server failed: the failure, a reference and a retry. */
export default function AuthError({ error, reset, retry }: PageErrorProps) {
  useEffect(() => console.error(error), [error]);
  return (
    <AuthCard title="Something went wrong" footer={<AuthLink href="/signin">Back to sign in</AuthLink>}>
      <ErrorState
        title="The server could not answer"
        requestId={error.digest}
        action={
          <Button variant="secondary" onClick={retry ?? reset}>
            Try again
          </Button>
        }
      >
        The failure was logged. If it keeps failing, quote the reference below.
      </ErrorState>
    </AuthCard>
  );
}
