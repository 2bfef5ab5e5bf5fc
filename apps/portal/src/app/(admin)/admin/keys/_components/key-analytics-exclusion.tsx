'use client';

import type { TKeyResource } from '@tollgate/contracts';
import { toast } from '@tollgate/ui';
import { AnalyticsExclusionSwitch } from '../../_components/analytics-exclusion-switch';
import { actionData } from '../../apis/_components/action-result';
import { updateKeyAction } from '../actions';

/** A key row's switch: its calls left out of the analytics charts, or brought back. */
export function KeyAnalyticsExclusion({ apiKey }: { apiKey: TKeyResource }) {
  return (
    <AnalyticsExclusionSwitch
      label={`Leave key ${apiKey.prefix}… out of analytics`}
      excluded={apiKey.excludedFromAnalytics}
      onToggle={async (next) => {
        const saved = actionData(await updateKeyAction({ id: apiKey.id, excludedFromAnalytics: next }));
        if (saved) toast.success(next ? `Key ${apiKey.prefix}… is left out of analytics` : `Key ${apiKey.prefix}… is back in analytics`);
        return saved !== undefined;
      }}
    />
  );
}
