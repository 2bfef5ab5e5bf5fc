'use client';

import { MAX_KEY_ROLL_GRACE_DAYS, ZRollTeamKeyRequest, type TRolledTeamKey, type TTeamKey } from '@tollgate/contracts';
import { Button, Dialog, DialogClose, Form, FormField, Input, toast, useZodForm } from '@tollgate/ui';
import { RefreshCw } from 'lucide-react';
import { useState } from 'react';
import { actionData } from '../../../../(admin)/admin/apis/_components/action-result';
import { formatInstant } from '../../../../(admin)/admin/_components/format-age';
import { SecretOnce } from '../../../../(admin)/admin/admin-tokens/_components/secret-once';
import { rollTeamKeyAction } from '../../actions';

const FIELDS = ['id', 'graceDays'];

/** Replaces a key with a new one; the old keeps working for the grace chosen (0 to 7 days) so deployments can move over. */
export function RollKeyDialog({ apiKey }: { apiKey: Pick<TTeamKey, 'id' | 'prefix' | 'name'> }) {
  const [open, setOpen] = useState(false);
  const [rolled, setRolled] = useState<TRolledTeamKey | null>(null);
  const form = useZodForm(ZRollTeamKeyRequest, { defaultValues: { id: apiKey.id, graceDays: 1 } });
  const label = `${apiKey.prefix}…${apiKey.name ? ` (${apiKey.name})` : ''}`;
  async function onSubmit(values: typeof ZRollTeamKeyRequest._zod.output) {
    const result = actionData(await rollTeamKeyAction(values), { setError: form.setError, fields: FIELDS });
    if (!result) return;
    toast.success(`Rolled ${apiKey.prefix}… into ${result.key.prefix}…`);
    setRolled(result);
  }
  return (
    <Dialog
      title={rolled ? 'Copy the new key' : `Roll key ${label}`}
      description={rolled ? `It replaces ${apiKey.prefix}…, which works until ${formatInstant(rolled.oldKeyExpiresAt)}.` : 'A new key replaces this one, with the same name and scopes.'}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setRolled(null);
          form.reset();
        }
      }}
      trigger={
        <Button size="sm" variant="secondary" aria-label={`Roll key ${label}`}>
          <RefreshCw aria-hidden="true" /> Roll
        </Button>
      }
    >
      {rolled ? (
        <div className="grid gap-4">
          <SecretOnce label="Key" value={rolled.key.key}>
            Its prefix is {rolled.key.prefix}….
          </SecretOnce>
          <div className="flex justify-end">
            <DialogClose asChild>
              <Button>Done</Button>
            </DialogClose>
          </div>
        </div>
      ) : (
        <Form form={form} onSubmit={onSubmit} aria-label={`Roll key ${label}`}>
          <FormField name="graceDays" label="Grace period (days)" required description={`How long the old key keeps working: 0 ends it now, at most ${MAX_KEY_ROLL_GRACE_DAYS}.`}>
            {(field) => <Input {...field} type="number" inputMode="numeric" value={(field.value as number | string | undefined) ?? ''} />}
          </FormField>
          <div className="flex justify-end">
            <Button type="submit" loading={form.formState.isSubmitting}>
              Roll key
            </Button>
          </div>
        </Form>
      )}
    </Dialog>
  );
}
