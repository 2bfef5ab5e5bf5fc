'use client';

import { Field, Select } from '@tollgate/ui';
import type { ReactElement } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { AggregateCallsFields } from './aggregate-calls-fields';
import { backendDefaults, BACKEND_KINDS, type TBackendKind } from './backend-kinds';
import { GrpcFields } from './grpc-fields';
import { SoapFields } from './soap-fields';
import { XmlFields } from './xml-fields';

const FIELDS_OF_KIND: Record<Exclude<TBackendKind, 'proxy'>, () => ReactElement> = { aggregate: AggregateCallsFields, xml: XmlFields, soap: SoapFields, grpc: GrpcFields };

/** What answers the route: picking a kind starts from that kind's empty settings; proxy removes the backend. */
export function BackendSection() {
  const { control, setValue, clearErrors, formState } = useFormContext();
  const kind = (useWatch({ control, name: 'backend.kind' }) as TBackendKind | undefined) ?? 'proxy';
  const KindFields = kind === 'proxy' ? null : FIELDS_OF_KIND[kind];
  const error = (formState.errors.backend as { message?: string } | undefined)?.message;
  return (
    <fieldset className="grid gap-4 border-t border-border pt-4 sm:col-span-2 sm:grid-cols-2 [&>*]:min-w-0">
      <legend className="mb-3 text-sm font-semibold text-foreground">Backend</legend>
      <Field label="Kind" description="What answers this route." error={error}>
        <Select
          value={kind}
          options={BACKEND_KINDS}
          onValueChange={(next) => {
            clearErrors('backend');
            setValue('backend', backendDefaults(next as TBackendKind), { shouldDirty: true });
          }}
        />
      </Field>
      {KindFields ? <KindFields /> : null}
    </fieldset>
  );
}
