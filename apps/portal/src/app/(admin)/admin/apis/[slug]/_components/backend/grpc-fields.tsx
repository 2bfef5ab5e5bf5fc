'use client';

import { FormField, Textarea, toast } from '@tollgate/ui';
import { useFormContext } from 'react-hook-form';
import { optionalTextInput } from '../field-controls';

/** A unary gRPC method behind a JSON face. A .proto file is read here in the browser: the route stores its text. */
export function GrpcFields() {
  const { setValue } = useFormContext();
  async function readFile(file: File | undefined) {
    if (!file) return;
    setValue('backend.proto', await file.text(), { shouldValidate: true, shouldDirty: true });
    toast.message(`Read ${file.name}`);
  }
  return (
    <>
      <label className="grid gap-1.5 text-sm font-medium text-foreground sm:col-span-2">
        Load .proto file
        <input
          type="file"
          accept=".proto,text/plain"
          className="text-sm text-muted-foreground file:mr-3 file:rounded-md file:border file:border-border file:bg-card file:px-3 file:py-1.5 file:text-sm file:text-foreground"
          onChange={(event) => void readFile(event.target.files?.[0])}
        />
      </label>
      <FormField name="backend.proto" label=".proto" required description="Self-contained (only google/protobuf imports); the server checks that it parses and has the method." className="sm:col-span-2">
        {(field) => <Textarea {...field} value={(field.value as string | undefined) ?? ''} rows={8} spellCheck={false} className="font-mono text-xs" placeholder={'syntax = "proto3";'} />}
      </FormField>
      <FormField name="backend.service" label="Service" required description="Fully qualified, e.g. weather.v1.Forecasts." />
      <FormField name="backend.method" label="Method" required description="A unary method of the service." />
      <FormField name="backend.body" label="Body" description="* for the whole request message, or a field name; empty: the body is not read.">
        {(field) => optionalTextInput(field as never, { placeholder: 'not read' })}
      </FormField>
    </>
  );
}
