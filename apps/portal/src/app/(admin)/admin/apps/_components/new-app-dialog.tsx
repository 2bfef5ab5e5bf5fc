'use client';

import { ZCreateAppRequest } from '@tollgate/contracts';
import { Button, Dialog, Form, FormField, Textarea, toast, useZodForm } from '@tollgate/ui';
import { Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { actionData } from '../../apis/_components/action-result';
import { createAppAction } from '../../teams/actions';

const FIELDS = ['team', 'slug', 'name', 'description'];

/** "New app" in a team: the app then gets subscriptions and keys on its page. */
export function NewAppDialog({ team }: { team: string }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const form = useZodForm(ZCreateAppRequest, { defaultValues: { team, slug: '', name: '', description: '' } });
  async function onSubmit(values: typeof ZCreateAppRequest._zod.output) {
    const app = actionData(await createAppAction(values), { setError: form.setError, fields: FIELDS });
    if (!app) return;
    toast.success(`Created ${app.name}`);
    setOpen(false);
    form.reset();
    router.push(`/admin/apps/${app.slug}`);
  }
  return (
    <Dialog
      title="New app"
      description={`An app of team ${team}: subscribe it to APIs and give it keys.`}
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button>
          <Plus aria-hidden="true" /> New app
        </Button>
      }
    >
      <Form form={form} onSubmit={onSubmit} aria-label="New app">
        <FormField name="name" label="Name" required />
        <FormField name="slug" label="Slug" required description="Lowercase letters, digits and dashes; unique across teams." />
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
