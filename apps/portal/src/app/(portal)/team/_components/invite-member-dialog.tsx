'use client';

import { ZInviteMemberRequest, type TInviteMemberRequest } from '@tollgate/contracts';
import { Button, Dialog, Form, FormField, Input, Select, toast, useZodForm } from '@tollgate/ui';
import { UserPlus } from 'lucide-react';
import { useState } from 'react';
import { actionData } from '../../../(admin)/admin/apis/_components/action-result';
import { inviteMemberAction } from '../actions';

const ROLES = [
  { value: 'member', label: 'Member' },
  { value: 'owner', label: 'Owner (may invite and remove)' },
];

export function InviteMemberDialog({ teamId, teamName }: { teamId: string; teamName: string }) {
  const [open, setOpen] = useState(false);
  const defaults = { teamId, email: '', role: 'member' as const };
  const form = useZodForm(ZInviteMemberRequest, { defaultValues: defaults });
  async function onSubmit(values: TInviteMemberRequest) {
    const result = actionData(await inviteMemberAction(values), { setError: form.setError, fields: ['email', 'role'] });
    if (!result) return;
    toast.success(`Invite sent to ${result.email}`);
    form.reset(defaults);
    setOpen(false);
  }
  return (
    <Dialog
      title={`Invite to ${teamName}`}
      description="We mail them a link that works once, for 7 days. Without an account they create one first."
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button size="sm">
          <UserPlus aria-hidden="true" /> Invite
        </Button>
      }
    >
      <Form form={form} onSubmit={onSubmit} aria-label={`Invite to ${teamName}`}>
        <FormField name="email" label="Email" required>
          {(field) => <Input {...field} type="email" autoComplete="off" value={(field.value as string | undefined) ?? ''} />}
        </FormField>
        <FormField name="role" label="Role">
          {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={ROLES} />}
        </FormField>
        <div className="flex justify-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            Send invite
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
