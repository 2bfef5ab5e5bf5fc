'use client';

import { ZCreateTeamRequest, type TTeamResource } from '@tollgate/contracts';
import { Button, Dialog, Form, FormField, Switch, toast, useZodForm } from '@tollgate/ui';
import { Pencil, Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { actionData } from '../../apis/_components/action-result';
import { createTeamAction, updateTeamAction } from '../actions';

const FIELDS = ['slug', 'name', 'partner'];

/** "New team", or "Edit team" when given one; field errors from the shared schema, then from the server. */
export function TeamFormDialog({ team }: { team?: TTeamResource }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const form = useZodForm(ZCreateTeamRequest, { defaultValues: { slug: team?.slug ?? '', name: team?.name ?? '', partner: team?.partner ?? false } });
  async function onSubmit(values: typeof ZCreateTeamRequest._zod.output) {
    const saved = actionData(team ? await updateTeamAction({ ...values, teamSlug: team.slug }) : await createTeamAction(values), { setError: form.setError, fields: FIELDS });
    if (!saved) return;
    toast.success(team ? `Saved ${saved.name}` : `Created ${saved.name}`);
    setOpen(false);
    if (!team || saved.slug !== team.slug) router.push(`/admin/teams/${saved.slug}`);
  }
  return (
    <Dialog
      title={team ? `Edit ${team.name}` : 'New team'}
      description="Partner teams may subscribe their apps to partner-only APIs."
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant={team ? 'secondary' : 'primary'}>
          {team ? <Pencil aria-hidden="true" /> : <Plus aria-hidden="true" />} {team ? 'Edit team' : 'New team'}
        </Button>
      }
    >
      <Form form={form} onSubmit={onSubmit} aria-label={team ? 'Edit team' : 'New team'}>
        <FormField name="name" label="Name" required />
        <FormField name="slug" label="Slug" required description="Lowercase letters, digits and dashes." />
        <FormField name="partner" label="Partner team">
          {(field) => <Switch checked={Boolean(field.value)} onCheckedChange={field.onChange} onBlur={field.onBlur} name={field.name} />}
        </FormField>
        <div className="flex justify-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {team ? 'Save team' : 'Create team'}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
