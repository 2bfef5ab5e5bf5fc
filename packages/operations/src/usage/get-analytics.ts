import { ZAnalyticsQuery } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { readAnalyticsExclusions } from './analytics-exclusions';
import { resolveAnalyticsFilter } from './analytics-filter';
import { analyticsWindow } from './analytics-window';
import { readAnalytics } from './read-analytics';

/**
 * The analytics dashboard for a range and filters: every app for admins, a developer's teams'
 * apps for them (an app or key outside that scope is not_found). Apps and keys an admin excluded
 * are left out of every figure.
 */
export const getAnalytics = defineOperation({
  name: 'analytics.get',
  role: 'developer',
  input: ZAnalyticsQuery,
  async run(tx, input, ctx) {
    const filter = await resolveAnalyticsFilter(tx, ctx.principal, input, await readAnalyticsExclusions(tx));
    return readAnalytics(tx, filter, analyticsWindow(input, new Date()));
  },
});
