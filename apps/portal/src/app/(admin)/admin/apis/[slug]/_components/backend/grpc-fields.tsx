'use client';

import { FormField, Textarea, TextFileInput } from '@tollgate/ui';
import { useFormContext } from 'react-hook-form';
import { optionalTextInput } from '../field-controls';

/** A unary gRPC method behind a JSON face. A .proto file is read here in the browser: the route stores its text. */
export function GrpcFields() {
  const { setValue } = useFormContext();
  return (
    <>
      <TextFileInput label="Load .proto file" accept=".proto,text/plain" className="sm:col-span-2" onText={(text) => setValue('backend.proto', text, { shouldValidate: true, shouldDirty: true })} />
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
