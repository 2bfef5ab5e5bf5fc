'use client';

import { Button, Dialog, Field, Input } from '@tollgate/ui';
import { useState } from 'react';

/** Deprecation with an optional sunset date; the gateway then sends Deprecation and Sunset headers. */
export function DeprecateDialog({ onDeprecate }: { onDeprecate: (sunsetAt?: string) => Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState('');
  const [pending, setPending] = useState(false);
  const today = new Date().toISOString().slice(0, 10);
  const error = date && date <= today ? 'The sunset date must be in the future.' : undefined;
  async function submit() {
    setPending(true);
    const done = await onDeprecate(date ? `${date}T00:00:00Z` : undefined).finally(() => setPending(false));
    if (done) setOpen(false);
  }
  return (
    <Dialog
      title="Deprecate this API"
      description="Callers keep being served, and every response carries a Deprecation header (and Sunset, when a date is set)."
      open={open}
      onOpenChange={setOpen}
      trigger={<Button variant="secondary">Deprecate</Button>}
      footer={
        <Button loading={pending} disabled={Boolean(error)} onClick={() => void submit()}>
          Deprecate API
        </Button>
      }
    >
      <Field label="Sunset date" description="When the API stops answering (optional)." error={error}>
        <Input type="date" min={today} value={date} onChange={(event) => setDate(event.target.value)} />
      </Field>
    </Dialog>
  );
}
