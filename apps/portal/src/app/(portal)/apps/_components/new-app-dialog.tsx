'use client';

import { ZCreateTeamAppRequest, type TMemberTeam } from '@tollgate/contracts';
import { Button, Dialog, Form, FormField, Input, Select, Textarea, toast, useZodForm } from '@tollgate/ui';
import { Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { actionData } from '../../../(admin)/admin/apis/_components/action-result';
import { createTeamAppAction } from '../actions';

const FIELDS = ['team', 'name', 'slug', 'description'];

/** A slug suggested from the name until the person types their own. */
const slugOf = (name: string) => name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63);

/** "New app" in one of the caller's teams; a person in several teams picks which. */
export function NewAppDialog({ teams }: { teams: TMemberTeam[] }) {
  const [open, setOpen] = useState(false);
  const [slugTouched, setSlugTouched] = useState(false);
  const router = useRouter();
  const form = useZodForm(ZCreateTeamAppRequest, { defaultValues: { team: teams[0]?.slug ?? '', name: '', slug: '', description: '' } });
  async function onSubmit(values: typeof ZCreateTeamAppRequest._zod.output) {
    const app = actionData(await createTeamAppAction(values), { setError: form.setError, fields: FIELDS });
    if (!app) return;
    toast.success(`Created ${app.name}`);
    setOpen(false);
    form.reset();
    setSlugTouched(false);
    router.push(`/apps/${app.slug}`);
  }
  return (
    <Dialog
      title="New app"
      description="An app subscribes to APIs and holds the keys that call them."
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button>
          <Plus aria-hidden="true" /> New app
        </Button>
      }
    >
      <Form form={form} onSubmit={onSubmit} aria-label="New app">
        {teams.length > 1 ? (
          <FormField name="team" label="Team" required>
            {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={teams.map((team) => ({ value: team.slug, label: team.name }))} />}
          </FormField>
        ) : null}
        <FormField name="name" label="Name" required>
          {(field) => (
            <Input
              {...field}
              value={(field.value as string | undefined) ?? ''}
              onChange={(event) => {
                field.onChange(event);
                if (!slugTouched) form.setValue('slug', slugOf(event.target.value));
              }}
            />
          )}
        </FormField>
        <FormField name="slug" label="Slug" required description="Names the app in URLs and usage; lowercase letters, digits and dashes, unique across Tollgate.">
          {(field) => (
            <Input
              {...field}
              value={(field.value as string | undefined) ?? ''}
              onChange={(event) => {
                setSlugTouched(true);
                field.onChange(event);
              }}
              className="font-mono"
            />
          )}
        </FormField>
        <FormField name="description" label="Description">
          {(field) => <Textarea {...field} value={(field.value as string | undefined) ?? ''} rows={3} />}
        </FormField>
        <div className="flex justify-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            Create app
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
