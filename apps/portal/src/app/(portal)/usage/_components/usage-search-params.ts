import { USAGE_RANGES } from '@tollgate/contracts';
import { createLoader, parseAsString, parseAsStringLiteral } from 'nuqs/server';

/** The usage views' URL state, read by the server page and written by the range picker. */
export const usageSearchParams = {
  range: parseAsStringLiteral(USAGE_RANGES).withDefault('24h'),
  key: parseAsString,
};

export const loadUsageSearchParams = createLoader(usageSearchParams);

/** The query string of a usage view (the CSV export carries the same one). */
export function usageQueryString(view: { range: string; app?: string | null; key?: string | null }): string {
  const params = new URLSearchParams({ range: view.range });
  if (view.app) params.set('app', view.app);
  if (view.key) params.set('key', view.key);
  return params.toString();
}
