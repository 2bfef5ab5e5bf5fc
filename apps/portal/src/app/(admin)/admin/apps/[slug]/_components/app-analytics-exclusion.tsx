'use client';

import { toast } from '@tollgate/ui';
import { AnalyticsExclusionSwitch } from '../../../_components/analytics-exclusion-switch';
import { actionData } from '../../../apis/_components/action-result';
import { updateAppAction } from '../../../teams/actions';

/** The app page's switch: its calls left out of the analytics charts, or brought back. */
export function AppAnalyticsExclusion({ app, excluded }: { app: string; excluded: boolean }) {
  return (
    <AnalyticsExclusionSwitch
      label="Leave this app out of analytics"
      showLabel
      excluded={excluded}
      onToggle={async (next) => {
        const saved = actionData(await updateAppAction({ appSlug: app, excludedFromAnalytics: next }));
        if (saved) toast.success(next ? `${app} is left out of analytics` : `${app} is back in analytics`);
        return saved !== undefined;
      }}
    />
  );
}
