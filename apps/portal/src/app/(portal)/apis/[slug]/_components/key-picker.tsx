'use client';

import type { TryItKey } from '@tollgate/operations';
import { Field, Input, Select } from '@tollgate/ui';
import Link from 'next/link';

export type KeyPickerProps = {
  keys: TryItKey[];
  signedIn: boolean;
  returnTo: string;
  selected: TryItKey | undefined;
  onSelect: (id: string) => void;
  secret: string;
  onSecret: (secret: string) => void;
};

/** The error to show for a pasted secret, if any: it must be the chosen key's (it starts with its prefix). */
export function secretError(selected: TryItKey | undefined, secret: string): string | undefined {
  if (!selected || secret === '' || secret.startsWith(selected.prefix)) return undefined;
  return `This is not the secret of "${selected.name || selected.prefix}": that key starts with ${selected.prefix}.`;
}

/**
 * Which of the developer's keys try-it and the code samples use. Only names and prefixes are
 * known to the portal; the secret is pasted once for this page and lives in memory only.
 */
export function KeyPicker({ keys, signedIn, returnTo, selected, onSelect, secret, onSecret }: KeyPickerProps) {
  if (!signedIn) {
    return (
      <p className="text-sm text-muted-foreground">
        <Link href="/signup" className="font-medium text-primary underline-offset-4 hover:underline">
          Create an account
        </Link>{' '}
        or{' '}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`} className="font-medium text-primary underline-offset-4 hover:underline">
          sign in
        </Link>{' '}
        to subscribe an app and get a key; the samples below use a placeholder until then.
      </p>
    );
  }
  if (keys.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        None of your apps has an active subscription and key for this API yet. Subscribe an app to a plan and create a key in{' '}
        <Link href="/apps" className="font-medium text-primary underline-offset-4 hover:underline">
          Apps
        </Link>
        ; the samples below use a placeholder until then.
      </p>
    );
  }
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="Key" description="Your teams' active keys for this API.">
        <Select
          value={selected?.id ?? ''}
          onValueChange={onSelect}
          placeholder="Choose a key"
          options={keys.map((key) => ({ value: key.id, label: `${key.name || 'Unnamed key'} · ${key.prefix}… · ${key.app.name}` }))}
        />
      </Field>
      <Field label="Secret of the chosen key" description="Paste it once for this page; it is kept in memory only, never stored." error={secretError(selected, secret)}>
        <Input
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={selected ? `${selected.prefix}…` : 'Choose a key first'}
          disabled={!selected}
          value={secret}
          onChange={(event) => onSecret(event.target.value.trim())}
        />
      </Field>
    </div>
  );
}
