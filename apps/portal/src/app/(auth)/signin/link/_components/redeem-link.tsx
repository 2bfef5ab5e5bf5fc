'use client';

import { signIn } from 'next-auth/react';
import { useEffect, useRef, useState } from 'react';
import { AuthNotice } from '../../../_components/auth-card';
import { signInErrorMessage } from '../../_components/sign-in-error-message';

/**
 * Uses a one-time sign-in link as the page opens (once, even when React runs effects twice) and
 * goes on to `next`; the link is spent by next-auth's POST, never by the GET that opened the page,
 * so a link preview that fetches the page without running it leaves the link alone.
 */
export function RedeemLink({ token, next }: { token: string; next: string }) {
  const [error, setError] = useState('');
  const [pending, setPending] = useState(true);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void redeem();
  });
  async function redeem() {
    setPending(true);
    setError('');
    const result = await signIn('sign-in-link', { token, redirect: false });
    if (!result || result.error) {
      setError(signInErrorMessage(result?.error ?? 'Default'));
      setPending(false);
      return;
    }
    window.location.assign(next);
  }
  return (
    <div className="grid gap-4">
      {error ? <AuthNotice tone="error">{error}</AuthNotice> : null}
      {pending ? (
        <p role="status" className="text-sm text-muted-foreground">
          Signing you in…
        </p>
      ) : null}
    </div>
  );
}
