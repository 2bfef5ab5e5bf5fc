'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

export function SignOutButton({ className = '' }: { className?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      className={`rounded-md px-3 py-1.5 text-sm font-medium transition-colors disabled:opacity-50 ${className}`}
      onClick={async () => {
        setPending(true);
        await signOut({ redirect: false });
        window.location.assign('/signin');
      }}
    >
      Sign out
    </button>
  );
}
