'use client';

import { ZRenameTeamAppRequest, type TTeamAppSummary } from '@tollgate/contracts';
import { Button, Dialog, Form, FormField, Textarea, toast, useZodForm } from '@tollgate/ui';
import { Pencil } from 'lucide-react';
import { useState } from 'react';
import { actionData } from '../../../../(admin)/admin/apis/_components/action-result';
import { renameTeamAppAction } from '../../actions';

const FIELDS = ['app', 'name', 'description'];

/** Renames the app; its slug (in URLs and usage) stays. */
export function RenameAppDialog({ app }: { app: Pick<TTeamAppSummary, 'slug' | 'name' | 'description'> }) {
  const [open, setOpen] = useState(false);
  const form = useZodForm(ZRenameTeamAppRequest, { defaultValues: { app: app.slug, name: app.name, description: app.description } });
  async function onSubmit(values: typeof ZRenameTeamAppRequest._zod.output) {
    const renamed = actionData(await renameTeamAppAction(values), { setError: form.setError, fields: FIELDS });
    if (!renamed) return;
    toast.success(`Renamed to ${renamed.name}`);
    setOpen(false);
    form.reset({ app: renamed.slug, name: renamed.name, description: renamed.description });
  }
  return (
    <Dialog
      title="Rename app"
      description={`The slug ${app.slug} stays: URLs, usage and logs keep naming the app by it.`}
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="secondary">
          <Pencil aria-hidden="true" /> Rename
        </Button>
      }
    >
      <Form form={form} onSubmit={onSubmit} aria-label="Rename app">
        <FormField name="name" label="Name" required />
        <FormField name="description" label="Description">
          {(field) => <Textarea {...field} value={(field.value as string | undefined) ?? ''} rows={3} />}
        </FormField>
        <div className="flex justify-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            Save
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
