'use client';

import { ZAggregateCall } from '@tollgate/contracts';
import { Button, cn, Input } from '@tollgate/ui';
import { Plus, X } from 'lucide-react';
import { useId, useState } from 'react';
import { get, useController, type FieldError } from 'react-hook-form';

type Row = { name: string; value: string };

const QUERY_NAME = ZAggregateCall.shape.query.unwrap().keyType;

/**
 * A call's query parameters as name/value rows, stored as the record the schema wants.
 * The rows live here so a half-typed row (no name yet) is not lost; errors arrive keyed by
 * parameter name, from the schema or from the server alike.
 */
export function QueryParamsField({ name, className }: { name: string; className?: string }) {
  const { field, fieldState } = useController({ name });
  const [rows, setRows] = useState<Row[]>(() => Object.entries((field.value as Record<string, string> | undefined) ?? {}).map(([key, value]) => ({ name: key, value })));
  const id = useId();
  function change(next: Row[]) {
    setRows(next);
    field.onChange(Object.fromEntries(next.filter((row) => row.name !== '').map((row) => [row.name, row.value])));
  }
  const errorOf = (row: Row): string | undefined => {
    const error = row.name === '' ? undefined : (get(fieldState.error, row.name) as FieldError | undefined);
    // zod reports a bad record key as "Invalid key in record"; the key's own schema says why.
    if (error?.type === 'invalid_key') return QUERY_NAME.safeParse(row.name).error?.issues[0]?.message ?? error.message;
    return error?.message;
  };
  return (
    <div role="group" aria-labelledby={`${id}-label`} className={cn('grid gap-2', className)}>
      <span id={`${id}-label`} className="text-sm font-medium text-foreground">
        Query parameters
      </span>
      {rows.map((row, index) => {
        const error = errorOf(row);
        const errorId = `${id}-${index}-error`;
        const described = error ? errorId : undefined;
        return (
          <div key={index} className="grid gap-1">
            <div className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] items-center gap-2">
              <Input aria-label={`Query parameter ${index + 1} name`} aria-invalid={error ? true : undefined} aria-describedby={described} className="font-mono" value={row.name} onBlur={field.onBlur} onChange={(event) => change(rows.with(index, { ...row, name: event.target.value }))} />
              <Input aria-label={`Query parameter ${index + 1} value`} aria-invalid={error ? true : undefined} aria-describedby={described} className="font-mono" value={row.value} placeholder="{query.NAME}" onBlur={field.onBlur} onChange={(event) => change(rows.with(index, { ...row, value: event.target.value }))} />
              <Button type="button" variant="ghost" size="icon" className="size-9" aria-label={`Remove query parameter ${index + 1}`} onClick={() => change(rows.filter((_, other) => other !== index))}>
                <X aria-hidden="true" />
              </Button>
            </div>
            {error ? (
              <p id={errorId} role="alert" className="text-xs font-medium text-destructive">
                {row.name}: {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <div>
        <Button type="button" variant="ghost" size="sm" onClick={() => setRows([...rows, { name: '', value: '' }])}>
          <Plus aria-hidden="true" /> Add query parameter
        </Button>
      </div>
    </div>
  );
}
