'use client';

import { Button, ConfirmDialog, toast } from '@tollgate/ui';
import { actionData } from '../../../(admin)/admin/apis/_components/action-result';
import { leaveTeamAction } from '../actions';

export function LeaveTeamButton({ teamId, teamName }: { teamId: string; teamName: string }) {
  return (
    <ConfirmDialog
      title={`Leave ${teamName}?`}
      description="You lose access to the team's apps and keys until an owner invites you again."
      confirmLabel="Leave team"
      destructive
      trigger={
        <Button size="sm" variant="secondary">
          Leave
        </Button>
      }
      onConfirm={async () => {
        if (actionData(await leaveTeamAction({ teamId }))) toast.success(`You left ${teamName}`);
      }}
    />
  );
}
