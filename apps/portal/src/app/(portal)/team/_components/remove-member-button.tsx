'use client';

import type { TTeamMemberView } from '@tollgate/contracts';
import { Button, ConfirmDialog, toast } from '@tollgate/ui';
import { actionData } from '../../../(admin)/admin/apis/_components/action-result';
import { removeMemberAction } from '../actions';

export function RemoveMemberButton({ teamId, member }: { teamId: string; member: TTeamMemberView }) {
  return (
    <ConfirmDialog
      title={`Remove ${member.email}?`}
      description="They lose access to the team's apps and keys at once."
      confirmLabel="Remove"
      destructive
      trigger={
        <Button size="sm" variant="ghost" aria-label={`Remove ${member.email}`}>
          Remove
        </Button>
      }
      onConfirm={async () => {
        if (actionData(await removeMemberAction({ teamId, userId: member.userId }))) toast.success(`Removed ${member.email}`);
      }}
    />
  );
}
