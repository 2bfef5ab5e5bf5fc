'use client';

import { FormField } from '@tollgate/ui';
import { optionalTextInput } from '../field-controls';

/** A plain XML upstream: the JSON body goes out as one element, the XML answer comes back as JSON. */
export function XmlFields() {
  return (
    <>
      <FormField name="backend.root" label="Root element" required description="Wraps the request body, e.g. ForecastRequest." />
      <FormField name="backend.namespace" label="Namespace" description="The root element's namespace URI (optional).">
        {(field) => optionalTextInput(field as never, { placeholder: 'none' })}
      </FormField>
    </>
  );
}
