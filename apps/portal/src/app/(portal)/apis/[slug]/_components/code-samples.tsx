'use client';

import { CodeBlock, Field, Select, Tabs } from '@tollgate/ui';
import { useMemo, useState } from 'react';
import { buildCodeSamples } from './build-code-samples';
import type { ApiOperation } from './list-operations';

const BASE_PATH = '__base__';

export type CodeSamplesProps = { baseUrl: string; operations: ApiOperation[]; apiKey: string };

/** curl, fetch and requests for one operation (or the base path), each with a copy button. */
export function CodeSamples({ baseUrl, operations, apiKey }: CodeSamplesProps) {
  const [choice, setChoice] = useState(operations[0] ? '0' : BASE_PATH);
  const operation = choice === BASE_PATH ? { method: 'GET', path: '' } : (operations[Number(choice)] ?? { method: 'GET', path: '' });
  const samples = useMemo(() => buildCodeSamples({ baseUrl, method: operation.method, path: operation.path, key: apiKey }), [baseUrl, operation.method, operation.path, apiKey]);
  const options = [
    ...operations.map((op, index) => ({ value: String(index), label: `${op.method} ${op.path}${op.summary ? ` — ${op.summary}` : ''}` })),
    { value: BASE_PATH, label: 'GET (base path)' },
  ];
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4">
      <Field label="Operation" className="max-w-xl">
        <Select value={choice} onValueChange={setChoice} options={options} />
      </Field>
      <Tabs
        aria-label="Language"
        className="grid-cols-[minmax(0,1fr)]"
        items={[
          { value: 'curl', label: 'curl', content: <CodeBlock code={samples.curl} label="Shell" /> },
          { value: 'javascript', label: 'JavaScript', content: <CodeBlock code={samples.javascript} label="JavaScript (fetch)" /> },
          { value: 'python', label: 'Python', content: <CodeBlock code={samples.python} label="Python (requests)" /> },
        ]}
      />
    </div>
  );
}
