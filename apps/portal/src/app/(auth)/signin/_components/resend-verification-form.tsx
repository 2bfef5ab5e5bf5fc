'use client';

import { ZEmailOnlyRequest, type TEmailOnlyRequest } from '@tollgate/contracts';
import { Button, Form, FormField, Input, useZodForm } from '@tollgate/ui';
import { useState } from 'react';
import { actionData } from '../../../(admin)/admin/apis/_components/action-result';
import { AuthNotice } from '../../_components/auth-card';
import { resendVerificationAction } from '../actions';

/** "Send the link again": asks for a fresh verification link; the answer never says whether the address has an account. */
export function ResendVerificationForm({ email = '' }: { email?: string }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useZodForm(ZEmailOnlyRequest, { defaultValues: { email } });
  async function onSubmit(values: TEmailOnlyRequest) {
    const result = actionData(await resendVerificationAction(values), { setError: form.setError, fields: ['email'] });
    if (result) setSentTo(result.email);
  }
  if (sentTo) {
    return <AuthNotice tone="success">If {sentTo} is waiting to be confirmed, a new link is on its way. Earlier links no longer work.</AuthNotice>;
  }
  return (
    <Form form={form} onSubmit={onSubmit} aria-label="Send the verification link again" className="gap-3">
      <FormField name="email" label="Email for a new link" required>
        {(field) => <Input {...field} type="email" autoComplete="email" value={(field.value as string | undefined) ?? ''} />}
      </FormField>
      <Button type="submit" variant="secondary" className="w-full" loading={form.formState.isSubmitting}>
        Send the link again
      </Button>
    </Form>
  );
}
