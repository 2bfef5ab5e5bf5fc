'use client';

import { Button } from '@tollgate/ui';
import { useState } from 'react';
import { AuthNotice } from '../../_components/auth-card';
import { acceptInviteAction } from '../../../(portal)/team/actions';

export function AcceptInviteButton({ token, teamName }: { token: string; teamName: string }) {
  const [error, setError] = useState('');
  const [pending, setPending] = useState(false);
  async function accept() {
    setPending(true);
    const result = await acceptInviteAction({ token });
    if (result?.data) {
      window.location.assign('/team');
      return;
    }
    setError(result?.serverError?.message ?? 'The server did not answer. Try again.');
    setPending(false);
  }
  return (
    <div className="grid gap-3">
      {error ? <AuthNotice tone="error">{error}</AuthNotice> : null}
      <Button className="w-full" loading={pending} onClick={() => void accept()}>
        Join {teamName}
      </Button>
    </div>
  );
}
