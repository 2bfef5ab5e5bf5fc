import { ZRequestLogFilter } from '@tollgate/contracts';
import { z } from 'zod';
import { fieldToIso, isoToField } from '../../_components/utc-datetime-field';

const FIELDS = ['requestId', 'from', 'to', 'status', 'outcome', 'app', 'key', 'api', 'upstreamVersion', 'route', 'latencyOverMs'] as const;
/** The outcome select's "every outcome" choice (a select item cannot have an empty value). */
export const ANY_OUTCOME = 'any';
export type RequestLogFilterField = (typeof FIELDS)[number];
export type RequestLogFilterValues = Record<RequestLogFilterField, string>;

const text = (value: string) => value.trim() || undefined;
// A half-typed date is passed on as typed, so the shared schema names the field instead of dropping it.
const instant = (value: string) => (value ? (fieldToIso(value) ?? value) : undefined);

/**
 * The filter form: text fields (dates in UTC from datetime-local inputs) turned into the operation's
 * filter and checked by the very schema the server uses, so a bad status or range shows on its field.
 */
export const ZRequestLogFilterForm = z
  .object(Object.fromEntries(FIELDS.map((field) => [field, z.string()])) as Record<RequestLogFilterField, z.ZodString>)
  .transform((values): z.input<typeof ZRequestLogFilter> => ({
    requestId: text(values.requestId),
    from: instant(values.from),
    to: instant(values.to),
    status: text(values.status)?.toLowerCase(),
    outcome: values.outcome === ANY_OUTCOME ? undefined : (text(values.outcome) as z.input<typeof ZRequestLogFilter>['outcome']),
    app: text(values.app),
    key: text(values.key),
    api: text(values.api),
    upstreamVersion: text(values.upstreamVersion),
    route: text(values.route),
    latencyOverMs: text(values.latencyOverMs),
  }))
  .pipe(ZRequestLogFilter);

/** The form's fields from the filters in the URL. */
export function filterFormValues(filters: Record<string, string>): RequestLogFilterValues {
  const values = Object.fromEntries(FIELDS.map((field) => [field, filters[field] ?? ''])) as RequestLogFilterValues;
  return { ...values, from: isoToField(filters.from), to: isoToField(filters.to) };
}

export { FIELDS as REQUEST_LOG_FILTER_FIELDS };
