'use client';

import { ZCreateKeyRequest, type TCreatedKey } from '@tollgate/contracts';
import { Button, CodeBlock, Dialog, Form, FormField, Select, toast, useZodForm } from '@tollgate/ui';
import { KeyRound } from 'lucide-react';
import { useState } from 'react';
import { actionData } from '../../../apis/_components/action-result';
import { createKeyAction } from '../../../keys/actions';

const schema = ZCreateKeyRequest.pick({ app: true, name: true, environment: true });
const FIELDS = ['app', 'name', 'environment'];

/** Creates a key and shows it once; closing the dialog forgets it. */
export function CreateKeyDialog({ app }: { app: string }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<TCreatedKey | null>(null);
  const form = useZodForm(schema, { defaultValues: { app, name: '', environment: 'live' } });
  async function onSubmit(values: typeof schema._zod.output) {
    const key = actionData(await createKeyAction(values), { setError: form.setError, fields: FIELDS });
    if (!key) return;
    toast.success(`Created ${key.prefix}…`);
    setCreated(key);
    form.reset();
  }
  return (
    <Dialog
      title={created ? 'Copy the key now' : 'New key'}
      description={created ? 'This is the only time the key is shown: Tollgate keeps only its hash.' : `A key for ${app}: it calls every API the app subscribes to.`}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setCreated(null);
      }}
      trigger={
        <Button variant="secondary">
          <KeyRound aria-hidden="true" /> New key
        </Button>
      }
    >
      {created ? (
        <CodeBlock code={created.key} label={`Key ${created.prefix}…`} />
      ) : (
        <Form form={form} onSubmit={onSubmit} aria-label="New key">
          <FormField name="name" label="Name" description="To tell keys apart, e.g. ci or production." />
          <FormField name="environment" label="Environment">
            {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={[{ value: 'live', label: 'live' }, { value: 'test', label: 'test' }]} />}
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
