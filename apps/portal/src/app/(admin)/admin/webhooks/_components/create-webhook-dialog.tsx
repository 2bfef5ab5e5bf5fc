'use client';

import { ZCreateWebhookRequest, type TCreatedWebhook } from '@tollgate/contracts';
import { Button, Checkbox, Dialog, Form, FormField, Input, toast, useZodForm } from '@tollgate/ui';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import { z } from 'zod';
import { actionData } from '../../apis/_components/action-result';
import { SecretOnce } from '../../admin-tokens/_components/secret-once';
import { createWebhookAction } from '../actions';
import { EVENT_TYPE_OPTIONS } from './event-type-options';

/** The request schema; an empty team field means every team. */
const schema = ZCreateWebhookRequest.extend({ team: z.union([z.literal(''), ZCreateWebhookRequest.shape.team.unwrap()]).optional() });
const DEFAULTS = { url: '', events: [] as string[], team: '', active: true };

/** Registers a webhook; its signing secret is shown once. */
export function CreateWebhookDialog() {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<TCreatedWebhook | null>(null);
  const form = useZodForm(schema, { defaultValues: DEFAULTS as never });
  async function onSubmit(values: z.output<typeof schema>) {
    const { team, ...rest } = values;
    const hook = actionData(await createWebhookAction({ ...rest, ...(team ? { team } : {}) }), {
      setError: form.setError,
      fields: ['url', 'events', 'team'],
      rename: (name) => name.replace(/^events\[\d+\]$/, 'events'),
    });
    if (!hook) return;
    toast.success('Webhook created');
    setCreated(hook);
    form.reset(DEFAULTS as never);
  }
  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) setCreated(null);
  }
  return (
    <Dialog
      title={created ? 'Webhook signing secret' : 'New webhook'}
      description={created ? undefined : 'Signed CloudEvents are POSTed to this https URL. Private, loopback and metadata addresses are refused.'}
      open={open}
      onOpenChange={onOpenChange}
      className="max-w-xl"
      trigger={
        <Button>
          <Plus aria-hidden="true" /> New webhook
        </Button>
      }
      footer={created ? <Button onClick={() => onOpenChange(false)}>Done</Button> : undefined}
    >
      {created ? (
        <SecretOnce label="Signing secret" value={created.secret}>
          Receivers check the Tollgate-Signature header with it.
        </SecretOnce>
      ) : (
        <Form form={form} onSubmit={onSubmit} aria-label="New webhook">
          <FormField name="url" label="URL" required>
            {(field) => <Input {...field} type="url" inputMode="url" placeholder="https://hooks.example.com/tollgate" value={(field.value as string | undefined) ?? ''} />}
          </FormField>
          <FormField name="events" label="Events" description="None ticked: every event type.">
            {(field) => (
              <div role="group" className="grid gap-2">
                {EVENT_TYPE_OPTIONS.map((option) => {
                  const selected = (field.value as string[] | undefined) ?? [];
                  return (
                    <label key={option.value} className="flex items-center gap-2 text-sm">
                      <Checkbox checked={selected.includes(option.value)} onCheckedChange={(checked) => field.onChange(checked ? [...selected, option.value] : selected.filter((value) => value !== option.value))} />
                      {option.label}
                    </label>
                  );
                })}
              </div>
            )}
          </FormField>
          <FormField name="team" label="Team (slug)" description="Only this team's records; empty for every team." />
          <div className="flex justify-end">
            <Button type="submit" loading={form.formState.isSubmitting}>
              Create webhook
            </Button>
          </div>
        </Form>
      )}
    </Dialog>
  );
}
