'use client';

import { ZCreateTeamKeyRequest, type TCreatedTeamKey } from '@tollgate/contracts';
import { Button, Dialog, DialogClose, Form, FormField, Input, RadioGroup, Select, toast, useZodForm } from '@tollgate/ui';
import { KeyRound } from 'lucide-react';
import { useState } from 'react';
import { actionData } from '../../../../(admin)/admin/apis/_components/action-result';
import { SecretOnce } from '../../../../(admin)/admin/admin-tokens/_components/secret-once';
import { createTeamKeyAction } from '../../actions';

const FIELDS = ['app', 'name', 'environment', 'scope', 'api', 'route', 'expiresAt'];
const SCOPES = [
  { value: 'app', label: 'Whole app', description: 'Every API the app subscribes to.' },
  { value: 'api', label: 'One API', description: 'Only one of the subscribed APIs.' },
  { value: 'route', label: 'One route', description: 'Only one method and path of one API.' },
];

/** Tomorrow as YYYY-MM-DD: the first day a key may be chosen to expire on. */
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

export type CreateKeyDialogProps = {
  app: string;
  /** The APIs the app subscribes to (not cancelled). */
  apis: { slug: string; name: string }[];
  routeScopes: { api: string; scope: string }[];
};

/** Creates a key and shows its secret once, with a copy button; closing the dialog forgets it. */
export function CreateKeyDialog({ app, apis, routeScopes }: CreateKeyDialogProps) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<TCreatedTeamKey | null>(null);
  const defaults = { app, name: '', environment: 'live', scope: 'app', api: apis[0]?.slug ?? '', route: routeScopes[0]?.scope ?? '', expiresAt: '' } as const;
  const form = useZodForm(ZCreateTeamKeyRequest, { defaultValues: defaults });
  const scope = form.watch('scope');
  // The app's subscriptions change while the page stays open: the first API or route is chosen when the scope needs one.
  function chooseScope(value: string, onChange: (value: string) => void) {
    onChange(value);
    if (value === 'api' && !apis.some((api) => api.slug === form.getValues('api'))) form.setValue('api', apis[0]?.slug ?? '');
    if (value === 'route' && !routeScopes.some((route) => route.scope === form.getValues('route'))) form.setValue('route', routeScopes[0]?.scope ?? '');
  }
  async function onSubmit(values: typeof ZCreateTeamKeyRequest._zod.output) {
    const key = actionData(await createTeamKeyAction(values), { setError: form.setError, fields: FIELDS });
    if (!key) return;
    toast.success(`Created key ${key.prefix}…`);
    setCreated(key);
    form.reset(defaults);
  }
  return (
    <Dialog
      title={created ? 'Copy your new key' : 'New key'}
      description={created ? `Key ${created.prefix}… (${created.name}) for ${app}.` : `A key for ${app}. Its secret is shown once, right after it is created.`}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setCreated(null);
      }}
      trigger={
        <Button>
          <KeyRound aria-hidden="true" /> New key
        </Button>
      }
    >
      {created ? (
        <div className="grid gap-4">
          <SecretOnce label="Key" value={created.key}>
            Tollgate keeps only its hash; its prefix {created.prefix}… names it everywhere.
          </SecretOnce>
          <div className="flex justify-end">
            <DialogClose asChild>
              <Button>Done</Button>
            </DialogClose>
          </div>
        </div>
      ) : (
        <Form form={form} onSubmit={onSubmit} aria-label="New key">
          <FormField name="name" label="Name" required description="To tell keys apart, e.g. production or ci." />
          <FormField name="environment" label="Environment">
            {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={[{ value: 'live', label: 'Live' }, { value: 'test', label: 'Test' }]} />}
          </FormField>
          <FormField name="scope" label="May call">
            {(field) => <RadioGroup aria-label="May call" value={field.value as string} onValueChange={(value) => chooseScope(value, field.onChange)} options={SCOPES.map((option) => ({ ...option, disabled: option.value === 'api' ? apis.length === 0 : option.value === 'route' ? routeScopes.length === 0 : false }))} />}
          </FormField>
          {scope === 'api' ? (
            <FormField name="api" label="API" required>
              {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={apis.map((api) => ({ value: api.slug, label: api.name }))} />}
            </FormField>
          ) : null}
          {scope === 'route' ? (
            <FormField name="route" label="Route" required>
              {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={routeScopes.map((route) => ({ value: route.scope, label: route.scope }))} />}
            </FormField>
          ) : null}
          <FormField name="expiresAt" label="Expires on" description="Optional. The key stops working at the end of this day (UTC).">
            {(field) => <Input {...field} type="date" min={tomorrow()} value={(field.value as string | undefined) ?? ''} />}
          </FormField>
          <div className="flex justify-end">
            <Button type="submit" loading={form.formState.isSubmitting}>
              Create key
            </Button>
          </div>
        </Form>
      )}
    </Dialog>
  );
}
