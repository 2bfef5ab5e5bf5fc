'use client';

import { FormField, Select } from '@tollgate/ui';
import { optionalTextInput } from '../field-controls';

const VERSIONS = [
  { value: '1.1', label: 'SOAP 1.1 (text/xml, SOAPAction)' },
  { value: '1.2', label: 'SOAP 1.2 (application/soap+xml)' },
];

/** One SOAP operation: its request element built from the body, path parameters and query. */
export function SoapFields() {
  return (
    <>
      <FormField name="backend.version" label="SOAP version">
        {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={VERSIONS} />}
      </FormField>
      <FormField name="backend.operation" label="Operation" required description="The request element, e.g. GetForecast." />
      <FormField name="backend.namespace" label="Namespace" required description="The service's target namespace." className="sm:col-span-2" />
      <FormField name="backend.action" label="Action" description="SOAPAction (1.1) or the action parameter (1.2); empty: namespace/operation for 1.1, none for 1.2." className="sm:col-span-2">
        {(field) => optionalTextInput(field as never, { placeholder: 'default' })}
      </FormField>
    </>
  );
}
