'use client';

import type { TTeamKey } from '@tollgate/contracts';
import { Button, ConfirmDialog, toast } from '@tollgate/ui';
import { Ban } from 'lucide-react';
import { actionData } from '../../../../(admin)/admin/apis/_components/action-result';
import { revokeTeamKeyAction } from '../../actions';

/** Revokes a key after asking; the gateways refuse it within a second. */
export function RevokeKeyButton({ apiKey }: { apiKey: Pick<TTeamKey, 'id' | 'prefix' | 'name'> }) {
  const label = `${apiKey.prefix}…${apiKey.name ? ` (${apiKey.name})` : ''}`;
  return (
    <ConfirmDialog
      title={`Revoke key ${label}?`}
      description="Every call with this key is refused within a second. This cannot be undone: create or roll a key instead."
      confirmLabel="Revoke key"
      destructive
      onConfirm={async () => {
        if (actionData(await revokeTeamKeyAction({ id: apiKey.id }))) toast.success(`Revoked ${apiKey.prefix}…`);
      }}
      trigger={
        <Button size="sm" variant="secondary" aria-label={`Revoke key ${label}`}>
          <Ban aria-hidden="true" /> Revoke
        </Button>
      }
    />
  );
}
