'use client';

import type { TWebhook } from '@tollgate/contracts';
import { Button, ConfirmDialog, toast } from '@tollgate/ui';
import { Pause, Play, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { actionData } from '../../../apis/_components/action-result';
import { deleteWebhookAction, updateWebhookAction } from '../../actions';

/** Pause or resume a webhook (paused ones keep their queue), or delete it with its log. */
export function WebhookActions({ webhook }: { webhook: TWebhook }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  async function toggle() {
    setPending(true);
    const saved = actionData(await updateWebhookAction({ id: webhook.id, active: !webhook.active }).finally(() => setPending(false)));
    if (saved) toast.success(saved.active ? 'Webhook resumed' : 'Webhook paused');
  }
  return (
    <>
      <Button variant="secondary" loading={pending} onClick={() => void toggle()}>
        {webhook.active ? <Pause aria-hidden="true" /> : <Play aria-hidden="true" />} {webhook.active ? 'Pause' : 'Resume'}
      </Button>
      <ConfirmDialog
        title="Delete this webhook?"
        description="Its delivery log and dead letters go with it. This cannot be undone."
        confirmLabel="Delete webhook"
        destructive
        trigger={
          <Button variant="destructive">
            <Trash2 aria-hidden="true" /> Delete
          </Button>
        }
        onConfirm={async () => {
          if (!actionData(await deleteWebhookAction({ id: webhook.id }))) return;
          toast.success('Webhook deleted');
          router.push('/admin/webhooks');
        }}
      />
    </>
  );
}
