import { ZAnalyticsQuery } from '@tollgate/contracts';
import { z } from 'zod';
import { fieldToIso, isoToField } from '../../_components/utc-datetime-field';
import { ANALYTICS_FILTER_FIELDS, type AnalyticsView } from './analytics-search-params';

const FIELDS = ['from', 'to', ...ANALYTICS_FILTER_FIELDS] as const;
export type AnalyticsFormField = (typeof FIELDS)[number];
export type AnalyticsFormValues = Record<AnalyticsFormField, string>;

const text = (value: string) => value.trim() || undefined;
// A half-typed date is passed on as typed, so the shared schema names the field instead of dropping it.
const instant = (value: string) => (value ? (fieldToIso(value) ?? value) : undefined);

/** The filter form's text fields (dates in UTC) checked by the operation's own schema, so a bad value shows on its field. */
export const ZAnalyticsFilterForm = z
  .object(Object.fromEntries(FIELDS.map((field) => [field, z.string()])) as Record<AnalyticsFormField, z.ZodString>)
  .transform((values): z.input<typeof ZAnalyticsQuery> => ({
    from: instant(values.from),
    to: instant(values.to),
    api: text(values.api),
    route: text(values.route),
    plan: text(values.plan),
    app: text(values.app),
    key: text(values.key),
    status: text(values.status)?.toLowerCase() as z.input<typeof ZAnalyticsQuery>['status'],
    upstreamVersion: text(values.upstreamVersion),
  }))
  .pipe(ZAnalyticsQuery);

export function analyticsFormValues(view: AnalyticsView): AnalyticsFormValues {
  const values = Object.fromEntries(FIELDS.map((field) => [field, view[field] ?? ''])) as AnalyticsFormValues;
  return { ...values, from: isoToField(view.from ?? undefined), to: isoToField(view.to ?? undefined) };
}

export { FIELDS as ANALYTICS_FORM_FIELDS };
