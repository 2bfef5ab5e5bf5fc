'use client';

import type { ReactElement, ReactNode } from 'react';
import { useController, useFormContext, type ControllerRenderProps, type FieldPath, type FieldValues } from 'react-hook-form';
import { Field } from './field';
import { Input } from './input';

export type FormFieldProps<T extends FieldValues, N extends FieldPath<T>> = {
  name: N;
  label: ReactNode;
  description?: ReactNode;
  required?: boolean;
  /** Renders the control from the field's value and handlers; a plain <Input> when omitted. */
  children?: (field: ControllerRenderProps<T, N>) => ReactElement;
  className?: string;
};

/** One form field: the control bound to the enclosing <Form>, wrapped in <Field> with its inline error. */
export function FormField<T extends FieldValues = FieldValues, N extends FieldPath<T> = FieldPath<T>>({ name, label, description, required, children, className }: FormFieldProps<T, N>) {
  const { control } = useFormContext<T>();
  const { field, fieldState } = useController<T, N>({ name, control });
  const control_ = children ? children(field) : <Input {...field} value={(field.value as string | undefined) ?? ''} />;
  return (
    <Field label={label} description={description} error={fieldState.error?.message} required={required} className={className}>
      {control_}
    </Field>
  );
}
