// The upstream form's values: targets with an optional version, the balancing, and the split's
// rows when there is a split. Checked by the contract's ZUpdateUpstreamRequest (the same schema
// the save action and the admin API use), its issues shown on the rows' fields.
import { toFieldPath } from '@tollgate/ui';
import { ZUpdateUpstreamFields, ZUpdateUpstreamRequest, type TUpstreamResource } from '@tollgate/contracts';
import { z } from 'zod';
import { addContractIssues, checkSplitRows, splitAwareFieldPath, splitFormValues, toTrafficSplit, ZSplitFormValues } from './split-form-values';

const ZUpstreamFormRows = z.object({
  targets: z.array(z.object({ url: z.string(), weight: z.number().optional(), version: z.string() })),
  loadBalancing: ZUpdateUpstreamFields.shape.loadBalancing,
  split: ZSplitFormValues.optional(),
});
export type TUpstreamFormValues = z.input<typeof ZUpstreamFormRows>;

/** The update the rows describe; an emptied version means the target has none. */
function toUpstreamRequest(values: TUpstreamFormValues): z.input<typeof ZUpdateUpstreamRequest> {
  return {
    loadBalancing: values.loadBalancing,
    targets: values.targets.map(({ url, weight, version }) => ({ url: url.trim(), weight, ...(version.trim() ? { version: version.trim() } : {}) })),
    ...(values.split ? { split: toTrafficSplit(values.split) } : {}),
  };
}

/** The form's schema: rows in, the update the save action takes out. */
export const ZUpstreamFormValues = ZUpstreamFormRows.transform((values, ctx) => {
  if (values.split) checkSplitRows(values.split, ctx, ['split']);
  const parsed = ZUpdateUpstreamRequest.safeParse(toUpstreamRequest(values));
  if (parsed.success) return parsed.data;
  addContractIssues(parsed.error.issues, values.split, ctx);
  return z.NEVER;
});

/** A field the server named (`targets[1].url`, `split.weights.beta`), as the form names it. */
export function upstreamFormFieldName(name: string, values: TUpstreamFormValues): string {
  return splitAwareFieldPath(toFieldPath(name).split('.'), values.split, false).join('.');
}

export function upstreamFormValues(upstream: TUpstreamResource | null): TUpstreamFormValues {
  const targets = upstream?.targets.map(({ url, weight, version }) => ({ url, weight, version: version ?? '' }));
  return {
    loadBalancing: upstream?.loadBalancing ?? 'round-robin',
    targets: targets?.length ? targets : [{ url: '', weight: 1, version: '' }],
    ...(upstream?.split ? { split: splitFormValues(upstream.split) } : {}),
  };
}
