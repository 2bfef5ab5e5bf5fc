'use client';

import type { TBodySampling } from '@tollgate/contracts';
import { Button, Dialog, Field, Input, Switch, toast } from '@tollgate/ui';
import { ScanSearch } from 'lucide-react';
import { useState } from 'react';
import { setBodySamplingAction } from '../actions';

const DEFAULT_RATE = 100;

const samplingLabel = (rate: number | null) => (rate === null ? 'off' : rate === 1 ? 'every response sampled' : `1 in ${rate.toLocaleString('en')} responses sampled`);

/**
 * Body sampling per API: off by default; when on, the gateways look at 1 in N responses of
 * calls the API's document does not describe for emails, card numbers and tokens, and keep
 * only that they saw them (the flags column).
 */
export function BodySamplingDialog({ apis }: { apis: TBodySampling[] }) {
  const on = apis.filter((api) => api.rate !== null).length;
  return (
    <Dialog
      title="Body sampling"
      description="Off by default. When on, the gateways look at 1 in N JSON or text responses of calls the API's OpenAPI document does not describe (their first 64 KiB, after they are sent) for emails, card numbers and tokens. Only the kind found is kept, never the data."
      className="max-h-[90vh] max-w-xl overflow-y-auto"
      trigger={
        <Button variant="secondary">
          <ScanSearch aria-hidden="true" /> Body sampling{on > 0 ? ` (${on} on)` : ''}
        </Button>
      }
    >
      {apis.length === 0 ? (
        <p className="text-sm text-muted-foreground">No APIs yet.</p>
      ) : (
        <ul className="grid gap-3" aria-label="APIs">
          {apis.map((api) => (
            <SamplingRow key={api.api} sampling={api} />
          ))}
        </ul>
      )}
    </Dialog>
  );
}

function SamplingRow({ sampling }: { sampling: TBodySampling }) {
  const [enabled, setEnabled] = useState(sampling.rate !== null);
  const [rate, setRate] = useState(String(sampling.rate ?? DEFAULT_RATE));
  const [saved, setSaved] = useState(sampling.rate);
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  async function save(nextEnabled: boolean, nextRate: string) {
    const value = Number(nextRate);
    if (nextEnabled && (!/^\d+$/.test(nextRate.trim()) || value < 1 || value > 1_000_000)) {
      setError('Give a whole number from 1 (every response) to 1,000,000.');
      return;
    }
    setPending(true);
    setError(undefined);
    const result = await setBodySamplingAction({ api: sampling.api, rate: nextEnabled ? value : null }).finally(() => setPending(false));
    if (result?.serverError || result?.validationErrors || result?.data === undefined) {
      const problem = result?.serverError;
      setError(problem?.invalidParams?.map((param) => param.reason).join('; ') || problem?.message || 'The server did not answer. Try again.');
      setEnabled(saved !== null);
      return;
    }
    setSaved(result.data.rate);
    toast.success(`${sampling.name}: body sampling ${samplingLabel(result.data.rate)}`);
  }

  const changed = enabled && saved !== null && rate.trim() !== String(saved);
  return (
    <li className="grid gap-2 rounded-md border border-border p-3">
      <div className="flex items-center justify-between gap-3">
        <span className="min-w-0">
          <span className="block truncate text-sm font-medium">{sampling.name}</span>
          <span className="block text-xs text-muted-foreground">
            <span className="font-mono">{sampling.api}</span> · {samplingLabel(saved)}
          </span>
        </span>
        <Switch
          aria-label={`Sample response bodies of ${sampling.name}`}
          checked={enabled}
          disabled={pending}
          onCheckedChange={(checked) => {
            setEnabled(checked);
            void save(checked, rate);
          }}
        />
      </div>
      {enabled ? (
        <form
          className="flex items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            void save(true, rate);
          }}
        >
          <Field label="Sample 1 in" error={error} className="flex-1">
            <Input inputMode="numeric" value={rate} disabled={pending} onChange={(event) => setRate(event.target.value)} />
          </Field>
          <Button type="submit" variant="secondary" disabled={!changed} loading={pending && changed}>
            Save
          </Button>
        </form>
      ) : error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </li>
  );
}
