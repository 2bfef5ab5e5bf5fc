'use client';

import type { TTeamAppSummary } from '@tollgate/contracts';
import { Button, ConfirmDialog, toast } from '@tollgate/ui';
import { Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { actionData } from '../../../../(admin)/admin/apis/_components/action-result';
import { deleteTeamAppAction } from '../../actions';

/** Deletes the app and its keys (team owners only), after the slug is typed; live subscriptions must be cancelled first. */
export function DeleteAppButton({ app }: { app: Pick<TTeamAppSummary, 'slug' | 'name'> }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      title={`Delete ${app.name}?`}
      description="Its keys stop working at once and are deleted with it. Cancel its subscriptions first. This cannot be undone."
      confirmLabel="Delete app"
      confirmText={app.slug}
      destructive
      onConfirm={async () => {
        if (!actionData(await deleteTeamAppAction({ app: app.slug }))) return;
        toast.success(`Deleted ${app.name}`);
        router.push('/apps');
      }}
      trigger={
        <Button variant="secondary">
          <Trash2 aria-hidden="true" /> Delete
        </Button>
      }
    />
  );
}
