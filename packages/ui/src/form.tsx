'use client';

import type { FormEvent, ReactNode } from 'react';
import { FormProvider, type FieldValues, type SubmitHandler, type UseFormReturn } from 'react-hook-form';
import { cn } from './cn';

export type FormProps<TInput extends FieldValues, TOutput extends FieldValues> = {
  form: UseFormReturn<TInput, unknown, TOutput>;
  onSubmit: SubmitHandler<TOutput>;
  children: ReactNode;
  className?: string;
  'aria-label'?: string;
};

/** A <form> that validates with its react-hook-form instance and shows errors the server sent for no field. */
export function Form<TInput extends FieldValues, TOutput extends FieldValues>({ form, onSubmit, children, className, 'aria-label': ariaLabel }: FormProps<TInput, TOutput>) {
  const rootError = form.formState.errors.root?.server?.message;
  return (
    <FormProvider {...form}>
      <form
        noValidate
        aria-label={ariaLabel}
        className={cn('grid gap-5', className)}
        onSubmit={(event: FormEvent<HTMLFormElement>) => void form.handleSubmit(onSubmit)(event)}
      >
        {children}
        {rootError ? (
          <p role="alert" className="whitespace-pre-line rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-sm text-destructive">
            {rootError}
          </p>
        ) : null}
      </form>
    </FormProvider>
  );
}
