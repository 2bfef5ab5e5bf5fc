'use client';

import { Switch } from '@tollgate/ui';
import { useId, useState, useTransition } from 'react';

type Props = {
  /** What the switch is about, for screen readers and the visible label, e.g. "Leave acme-app out of analytics". */
  label: string;
  excluded: boolean;
  /** Saves the new value; answers whether it was saved (a failure is told by the caller's toast). */
  onToggle: (excluded: boolean) => Promise<boolean>;
  /** Show the label beside the switch (a page), or only to screen readers (a table row). */
  showLabel?: boolean;
};

/** Marks an app or key as test or abusive traffic, left out of the analytics charts (still metered and billed). */
export function AnalyticsExclusionSwitch({ label, excluded, onToggle, showLabel = false }: Props) {
  const id = useId();
  const [value, setValue] = useState(excluded);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      <Switch
        id={id}
        checked={value}
        disabled={pending}
        aria-label={showLabel ? undefined : label}
        onCheckedChange={(next) =>
          startTransition(async () => {
            setValue(next);
            if (!(await onToggle(next))) setValue(!next);
          })
        }
      />
      {showLabel ? (
        <label htmlFor={id} className="text-sm">
          {label}
        </label>
      ) : null}
    </span>
  );
}
