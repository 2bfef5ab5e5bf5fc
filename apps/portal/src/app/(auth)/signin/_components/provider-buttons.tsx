'use client';

import { Button } from '@tollgate/ui';
import { signIn } from 'next-auth/react';

/** One button per identity provider the portal is configured with (GitHub, OpenID Connect). */
export function ProviderButtons({ providers, callbackUrl }: { providers: { id: string; name: string }[]; callbackUrl: string }) {
  if (providers.length === 0) return null;
  return (
    <div className="grid gap-2">
      {providers.map((provider) => (
        <Button key={provider.id} variant="secondary" className="w-full" onClick={() => void signIn(provider.id, { callbackUrl: callbackUrl || '/' })}>
          Continue with {provider.name}
        </Button>
      ))}
      <p className="my-1 text-center text-xs text-muted-foreground">or with your email</p>
    </div>
  );
}
