'use client';

import { useFormContext, useWatch } from 'react-hook-form';
import { SplitFields } from './split-fields';

/**
 * The route's own traffic split, in place of the upstream's. Only a proxied route's calls are
 * split, so the section shows for proxied routes, and for any route that holds a split already.
 */
export function RouteSplitSection({ versions }: { versions: readonly string[] }) {
  const { control } = useFormContext();
  const [kind, split] = useWatch({ control, name: ['backend.kind', 'split'] }) as [string | undefined, unknown];
  if (kind !== undefined && kind !== 'proxy' && split === undefined) return null;
  return (
    <div className="border-t border-border pt-4 sm:col-span-2 [&>*]:min-w-0">
      <SplitFields prefix="split" versions={versions} />
    </div>
  );
}
