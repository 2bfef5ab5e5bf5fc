'use client';

import type { TJwtIssuerResource } from '@tollgate/contracts';
import { Button, Checkbox, Dialog, Form, FormField, Input, RadioGroup, Select, Textarea, toast, useZodForm } from '@tollgate/ui';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { actionData } from '../../apis/_components/action-result';
import { createJwtIssuerAction, updateJwtIssuerAction } from '../actions';
import { ALGORITHMS, formDefaults, formFieldOf, JWT_FORM_FIELDS, toUpdate, ZJwtIssuerForm } from './jwt-issuer-form-schema';

const CLAIMS = ['sub', 'azp', 'client_id'].map((value) => ({ value, label: value }));
const SOURCES = [
  { value: 'jwks', label: 'JWKS URL', description: 'https; the gateway fetches and caches the keys.' },
  { value: 'pem', label: 'Public key (PEM)', description: 'One key, pasted here.' },
];
const text = (field: { value?: unknown }) => ({ ...field, value: (field.value as string | undefined) ?? '' });

type Props = { apis: string[]; issuer?: TJwtIssuerResource; open?: boolean; onOpenChange?: (open: boolean) => void };

/** Create or edit a JWT issuer: the same rules as the config file's `apis[].jwt`, checked here and on the server. */
export function JwtIssuerFormDialog({ apis, issuer, open: controlled, onOpenChange }: Props) {
  const [own, setOwn] = useState(false);
  const open = controlled ?? own;
  const setOpen = onOpenChange ?? setOwn;
  const form = useZodForm(ZJwtIssuerForm, { defaultValues: formDefaults(issuer, apis[0]) });
  const keySource = useWatch({ control: form.control, name: 'keySource' });
  async function onSubmit(request: z.output<typeof ZJwtIssuerForm>) {
    const result = issuer ? await updateJwtIssuerAction({ id: issuer.id, ...toUpdate(request) }) : await createJwtIssuerAction(request);
    const saved = actionData(result, { setError: form.setError, fields: JWT_FORM_FIELDS, rename: (name) => formFieldOf(name.split('.'), keySource) });
    if (!saved) return;
    toast.success(`${issuer ? 'Saved' : 'Added'} issuer ${saved.issuer}`);
    setOpen(false);
    if (!issuer) form.reset(formDefaults(undefined, apis[0]));
  }
  return (
    <Dialog
      title={issuer ? `Edit issuer ${issuer.issuer}` : 'New JWT issuer'}
      description="Gateways accept tokens from this issuer on the API within a second of saving."
      open={open}
      onOpenChange={setOpen}
      className="max-h-[90vh] max-w-2xl overflow-y-auto"
      trigger={
        issuer ? undefined : (
          <Button disabled={apis.length === 0}>
            <Plus aria-hidden="true" /> New issuer
          </Button>
        )
      }
    >
      <Form form={form} onSubmit={onSubmit} aria-label={issuer ? 'Edit JWT issuer' : 'New JWT issuer'} className="grid gap-4 sm:grid-cols-2">
        <FormField name="api" label="API" required>
          {(field) => <Select value={field.value as string} onValueChange={field.onChange} disabled={Boolean(issuer)} options={apis.map((slug) => ({ value: slug, label: slug }))} />}
        </FormField>
        <FormField name="issuer" label="Issuer (iss)" required>{(field) => <Input {...text(field)} placeholder="https://id.example.com/" />}</FormField>
        <FormField name="audience" label="Audience (aud)" description="Comma-separated; a token needs one of them." required className="sm:col-span-2" />
        <FormField name="keySource" label="Keys from" className="sm:col-span-2">
          {(field) => <RadioGroup value={field.value as string} onValueChange={field.onChange} options={SOURCES} />}
        </FormField>
        {keySource === 'pem' ? (
          <FormField name="publicKeyPem" label="Public key (PEM)" required className="sm:col-span-2">
            {(field) => <Textarea {...text(field)} rows={5} className="font-mono text-xs" placeholder="-----BEGIN PUBLIC KEY-----" />}
          </FormField>
        ) : (
          <FormField name="jwksUrl" label="JWKS URL" required className="sm:col-span-2">
            {(field) => <Input {...text(field)} type="url" inputMode="url" placeholder="https://id.example.com/.well-known/jwks.json" />}
          </FormField>
        )}
        <FormField name="algorithms" label="Allowed algorithms" description="Asymmetric only: none and HS* are never accepted." className="sm:col-span-2">
          {(field) => (
            <div role="group" className="flex flex-wrap gap-3">
              {ALGORITHMS.map((algorithm) => {
                const selected = (field.value as string[] | undefined) ?? [];
                return (
                  <label key={algorithm} className="flex items-center gap-1.5 text-sm">
                    <Checkbox checked={selected.includes(algorithm)} onCheckedChange={(checked) => field.onChange(checked ? [...selected, algorithm] : selected.filter((value) => value !== algorithm))} />
                    {algorithm}
                  </label>
                );
              })}
            </div>
          )}
        </FormField>
        <FormField name="appClaim" label="App claim" description="The claim that names the client.">
          {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={CLAIMS} />}
        </FormField>
        <FormField name="clockSkewSeconds" label="Clock skew (seconds)" description="0 to 300.">
          {(field) => <Input type="number" min={0} max={300} name={field.name} ref={field.ref} onBlur={field.onBlur} value={String(field.value ?? '')} onChange={(event) => field.onChange(event.target.value === '' ? undefined : Number(event.target.value))} />}
        </FormField>
        <FormField name="clients" label="Clients" description="One per line: the app claim's value, a space, the app's slug (e.g. svc-42 acme-app)." className="sm:col-span-2">
          {(field) => <Textarea {...text(field)} rows={3} className="font-mono text-xs" />}
        </FormField>
        <div className="flex justify-end sm:col-span-2">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {issuer ? 'Save issuer' : 'Add issuer'}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
