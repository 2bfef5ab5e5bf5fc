'use client';

import type { TKeyResource } from '@tollgate/contracts';
import { Button, ConfirmDialog, toast } from '@tollgate/ui';
import { Ban } from 'lucide-react';
import { actionData } from '../../apis/_components/action-result';
import { revokeKeyAction } from '../actions';

/** Revokes a key after asking; gateways refuse it within a second. */
export function RevokeKeyButton({ apiKey }: { apiKey: Pick<TKeyResource, 'id' | 'prefix' | 'name' | 'app' | 'state'> }) {
  if (apiKey.state === 'revoked') return null;
  const label = `${apiKey.prefix}…${apiKey.name ? ` (${apiKey.name})` : ''}`;
  return (
    <ConfirmDialog
      title={`Revoke key ${label}?`}
      description={`Every call with this key to ${apiKey.app}'s APIs is refused within a second. This cannot be undone: create a new key instead.`}
      confirmLabel="Revoke key"
      destructive
      onConfirm={async () => {
        if (actionData(await revokeKeyAction({ id: apiKey.id }))) toast.success(`Revoked ${apiKey.prefix}…`);
      }}
      trigger={
        <Button size="sm" variant="secondary" aria-label={`Revoke key ${label}`}>
          <Ban aria-hidden="true" /> Revoke
        </Button>
      }
    />
  );
}
