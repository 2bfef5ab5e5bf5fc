// The route form's values: the route's fields as the contract has them, except its own traffic
// split, held as the split editor's rows. Checked by ZCreateRouteRequest (the schema the save
// actions and the admin API use) with the aggregate's placeholders checked against the path; a
// split's issues are shown on the rows' fields.
import { checkRouteBackend, ZCreateRouteRequest, type TRouteResource, type TTrafficSplit } from '@tollgate/contracts';
import { toFieldPath } from '@tollgate/ui';
import { z } from 'zod';
import { addContractIssues, checkSplitRows, splitAwareFieldPath, splitFormValues, toTrafficSplit, ZSplitFormValues } from './split-form-values';

/** The route schema plus the check of an aggregate's {params.NAME} against the route's path, which the server makes too. */
const ZRoute = ZCreateRouteRequest.superRefine((route, ctx) => checkRouteBackend(route, ctx, []));
const ZRouteFormRows = ZCreateRouteRequest.omit({ split: true }).extend({ split: ZSplitFormValues.optional() });
export type TRouteFormValues = z.input<typeof ZRouteFormRows>;

/** The form's schema: the route with split rows in, the route the save actions take out. */
export const ZRouteFormValues = ZRouteFormRows.transform((values, ctx) => {
  if (values.split) checkSplitRows(values.split, ctx, ['split']);
  const parsed = ZRoute.safeParse({ ...values, split: values.split ? toTrafficSplit(values.split) : undefined });
  if (parsed.success) return parsed.data;
  addContractIssues(parsed.error.issues, values.split, ctx);
  return z.NEVER;
});

/** A field the server named (`split.weights.beta`, `backend.calls[1].upstream`), as the form names it. */
export function routeFormFieldName(name: string, values: TRouteFormValues): string {
  return splitAwareFieldPath(toFieldPath(name).split('.'), values.split, false).join('.');
}

export function routeFormValues(route?: TRouteResource): TRouteFormValues {
  if (!route) return { path: '/', methods: ['GET'], auth: 'key', weight: 1, allowQueryKey: false, stripBasePath: true, maxBodyBytes: 10 * 1024 * 1024, limitBy: 'subscription', validateRequest: false };
  // A read route's policies are stored JSON the route schema wrote: they fit the form's fields.
  const { split, ...policies } = route.policies as { split?: TTrafficSplit };
  return {
    path: route.path,
    methods: route.methods as TRouteFormValues['methods'],
    auth: route.auth,
    weight: route.weight,
    allowQueryKey: route.allowQueryKey,
    stripBasePath: route.stripBasePath,
    ...(route.rewrite ? { rewrite: route.rewrite } : {}),
    ...policies,
    ...(split ? { split: splitFormValues(split) } : {}),
  };
}
