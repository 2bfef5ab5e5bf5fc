'use client';

import { Input, Switch } from '@tollgate/ui';
import type { ControllerRenderProps, FieldValues } from 'react-hook-form';

type Field = ControllerRenderProps<FieldValues, string>;

/** A number field whose emptied box means "not set" (undefined), not 0. */
export const numberInput = (field: Field, props: { min?: number; placeholder?: string } = {}) => (
  <Input type="number" inputMode="numeric" {...props} name={field.name} ref={field.ref} onBlur={field.onBlur} value={field.value === undefined ? '' : String(field.value)} onChange={(event) => field.onChange(event.target.value === '' ? undefined : Number(event.target.value))} />
);

/** A text field whose emptied box means "not set" (undefined), so optional settings are left out rather than sent as "". */
export const optionalTextInput = (field: Field, props: { placeholder?: string; className?: string } = {}) => (
  <Input {...props} name={field.name} ref={field.ref} onBlur={field.onBlur} value={(field.value as string | undefined) ?? ''} onChange={(event) => field.onChange(event.target.value === '' ? undefined : event.target.value)} />
);

export const switchInput = (field: Field) => <Switch checked={Boolean(field.value)} onCheckedChange={field.onChange} />;
