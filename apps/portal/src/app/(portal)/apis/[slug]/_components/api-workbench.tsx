'use client';

import type { TryItKey } from '@tollgate/operations';
import { Card } from '@tollgate/ui';
import { useState } from 'react';
import { ApiReference } from './api-reference';
import { CodeSamples } from './code-samples';
import { KeyPicker, secretError } from './key-picker';
import { listOperations } from './list-operations';

export type ApiWorkbenchProps = {
  /** The gateway's public URL plus the API's base path. */
  baseUrl: string;
  keys: TryItKey[];
  /** A stranger is offered sign-up where the key chooser would be. */
  signedIn: boolean;
  /** This page, to come back to after signing in. */
  returnTo: string;
  document: Record<string, unknown> | null;
};

/**
 * The key chooser, code samples and reference share one state: the chosen key and its pasted
 * secret. Both stay in this component's memory: nothing goes to storage, cookies or the server.
 */
export function ApiWorkbench({ baseUrl, keys, signedIn, returnTo, document }: ApiWorkbenchProps) {
  const [selectedId, setSelectedId] = useState(keys.length === 1 ? keys[0]!.id : '');
  const [secret, setSecret] = useState('');
  const selected = keys.find((key) => key.id === selectedId);
  const usable = secret !== '' && secretError(selected, secret) === undefined ? secret : '';
  const sampleKey = usable || (selected ? `<secret of ${selected.prefix}…>` : '<your API key>');
  const operations = document ? listOperations(document) : [];
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-8">
      <section aria-labelledby="try-key" className="grid grid-cols-[minmax(0,1fr)] gap-4">
        <h2 id="try-key" className="text-lg font-semibold text-foreground">
          Your key
        </h2>
        <Card>
          <KeyPicker
            keys={keys}
            signedIn={signedIn}
            returnTo={returnTo}
            selected={selected}
            onSelect={(id) => {
              setSelectedId(id);
              setSecret('');
            }}
            secret={secret}
            onSecret={setSecret}
          />
        </Card>
      </section>
      <section aria-labelledby="samples" className="grid grid-cols-[minmax(0,1fr)] gap-4">
        <h2 id="samples" className="text-lg font-semibold text-foreground">
          Code samples
        </h2>
        <CodeSamples baseUrl={baseUrl} operations={operations} apiKey={sampleKey} />
      </section>
      <section aria-labelledby="reference" className="grid grid-cols-[minmax(0,1fr)] gap-4">
        <h2 id="reference" className="text-lg font-semibold text-foreground">
          Reference
        </h2>
        {document ? (
          <div className="overflow-hidden rounded-xl border border-border bg-card">
            <ApiReference document={document} serverUrl={baseUrl} apiKey={usable} />
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">This API has no OpenAPI document yet. The samples above call its base path.</p>
        )}
      </section>
    </div>
  );
}
