'use client';

import { API_TRANSITIONS, type TApiStatus } from '@tollgate/contracts';
import { Button, ConfirmDialog, toast } from '@tollgate/ui';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { updateApiAction } from '../../actions';
import { actionData } from '../../_components/action-result';
import { DeprecateDialog } from './deprecate-dialog';

/** The lifecycle moves open from this status: draft -> published -> deprecated (with a sunset) -> retired. */
export function LifecycleActions({ slug, status }: { slug: string; status: TApiStatus }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const next = API_TRANSITIONS[status];
  async function move(to: TApiStatus, sunsetAt?: string) {
    const api = actionData(await updateApiAction({ apiSlug: slug, status: to, ...(sunsetAt ? { sunsetAt } : {}) }));
    if (!api) return false;
    toast.success(`${api.name} is ${api.status}`);
    startTransition(() => router.refresh());
    return true;
  }
  return (
    <div className="flex flex-wrap gap-2">
      {next.includes('published') ? (
        <Button loading={pending} onClick={() => void move('published')}>
          {status === 'deprecated' ? 'Withdraw deprecation' : 'Publish'}
        </Button>
      ) : null}
      {next.includes('deprecated') ? <DeprecateDialog onDeprecate={(sunsetAt) => move('deprecated', sunsetAt)} /> : null}
      {next.includes('retired') ? (
        <ConfirmDialog
          title={`Retire ${slug}?`}
          description="A retired API is no longer served by the gateway and cannot be published again."
          confirmLabel="Retire API"
          destructive
          trigger={<Button variant="destructive">Retire</Button>}
          onConfirm={() => move('retired')}
        />
      ) : null}
    </div>
  );
}
