import { USAGE_RANGES } from '@tollgate/contracts';
import { createLoader, parseAsString, parseAsStringLiteral } from 'nuqs/server';

/** Every filter of the dashboards, in the URL so a view can be shared; the server page reads the same map. */
export const analyticsSearchParams = {
  range: parseAsStringLiteral(USAGE_RANGES),
  from: parseAsString,
  to: parseAsString,
  api: parseAsString,
  route: parseAsString,
  plan: parseAsString,
  app: parseAsString,
  key: parseAsString,
  status: parseAsString,
  upstreamVersion: parseAsString,
};

export const ANALYTICS_FILTER_FIELDS = ['api', 'route', 'plan', 'app', 'key', 'status', 'upstreamVersion'] as const;
export type AnalyticsFilterField = (typeof ANALYTICS_FILTER_FIELDS)[number];

export const loadAnalyticsSearchParams = createLoader(analyticsSearchParams);

export type AnalyticsView = Partial<Record<keyof typeof analyticsSearchParams, string | null>>;

/** The operation's input from the URL: set values only; a custom from/to replaces the named range. */
export function analyticsQuery(view: AnalyticsView): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(view)) if (value) query[name] = value;
  if (query.from || query.to) delete query.range;
  return query;
}
