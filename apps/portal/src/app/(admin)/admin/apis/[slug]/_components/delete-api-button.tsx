'use client';

import { Button, ConfirmDialog, toast } from '@tollgate/ui';
import { Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { deleteApiAction } from '../../actions';
import { actionData } from '../../_components/action-result';

export function DeleteApiButton({ slug }: { slug: string }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      title={`Delete API ${slug}?`}
      description="Its routes and upstream go with it, and the gateway stops serving it within a second."
      confirmText={slug}
      confirmLabel="Delete API"
      destructive
      trigger={
        <Button variant="destructive">
          <Trash2 aria-hidden="true" /> Delete API
        </Button>
      }
      onConfirm={async () => {
        if (!actionData(await deleteApiAction({ slug }))) return;
        toast.success(`Deleted ${slug}`);
        router.push('/admin/apis');
      }}
    />
  );
}
