'use client';

import '@scalar/api-reference-react/style.css';
import { ApiReferenceReact } from '@scalar/api-reference-react';
import { useTheme } from 'next-themes';
import { useMemo } from 'react';
import { referenceConfiguration } from './reference-configuration';

export type ScalarReferenceProps = { document: Record<string, unknown>; serverUrl: string; apiKey: string };

/** The API's OpenAPI reference rendered by Scalar; loaded only on the API page (see api-reference.tsx). */
export default function ScalarReference({ document, serverUrl, apiKey }: ScalarReferenceProps) {
  const { resolvedTheme } = useTheme();
  const dark = resolvedTheme === 'dark';
  const configuration = useMemo(() => referenceConfiguration({ document, serverUrl, apiKey, dark }), [document, serverUrl, apiKey, dark]);
  return <ApiReferenceReact configuration={configuration} />;
}
