// The traffic split as its editor holds it: rows an admin adds and removes in order (a version
// and its percent; a rule of one kind), turned into the contract's split before the contract's
// schema checks it, and the contract's error paths turned back into the rows' fields. A form
// that edits a split (the API's upstream, a route's own) wraps its schema with these.
import type { TTrafficSplit, ZTrafficSplit } from '@tollgate/contracts';
import { z } from 'zod';

export const SPLIT_RULE_KINDS = ['header', 'cookie', 'plans'] as const;
export type TSplitRuleKind = (typeof SPLIT_RULE_KINDS)[number];

export const ZSplitFormValues = z.object({
  weights: z.array(z.object({ version: z.string(), percent: z.number().optional() })),
  rules: z.array(z.object({ kind: z.enum(SPLIT_RULE_KINDS), name: z.string(), value: z.string(), version: z.string() })),
  sticky: z.enum(['consumer', 'none']),
  stickyCookie: z.string(),
});
export type TSplitFormValues = z.infer<typeof ZSplitFormValues>;
type TSplitRuleRow = TSplitFormValues['rules'][number];

export const EMPTY_SPLIT_RULE: TSplitRuleRow = { kind: 'header', name: '', value: '', version: '' };

/** The rows of a stored split, the largest share first (the stored weights keep no order). */
export function splitFormValues(split: TTrafficSplit): TSplitFormValues {
  return {
    weights: Object.entries(split.weights)
      .sort(([a, left], [b, right]) => right - left || (a < b ? -1 : 1))
      .map(([version, percent]) => ({ version, percent })),
    rules: split.rules.map((rule) => ({
      kind: rule.plans ? 'plans' : rule.cookie !== undefined ? 'cookie' : 'header',
      name: rule.plans?.join(', ') ?? rule.cookie ?? rule.header ?? '',
      value: rule.value ?? '',
      version: rule.version ?? '',
    })),
    sticky: split.sticky,
    stickyCookie: split.stickyCookie ?? '',
  };
}

/** A split just turned on: every version the targets name, the first taking all the traffic. */
export function newSplitFormValues(versions: readonly string[]): TSplitFormValues {
  const weights = versions.length > 0 ? versions.map((version, index) => ({ version, percent: index === 0 ? 100 : 0 })) : [{ version: '', percent: 100 }];
  return { weights, rules: [], sticky: 'consumer', stickyCookie: '' };
}

const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** The split the rows describe, for the contract's schema to check. */
export function toTrafficSplit(values: TSplitFormValues): z.input<typeof ZTrafficSplit> {
  const stickyCookie = optional(values.stickyCookie);
  return {
    weights: Object.fromEntries(values.weights.map((row) => [row.version.trim(), row.percent ?? 0])),
    rules: values.rules.map((rule) => {
      const value = rule.kind === 'plans' ? undefined : optional(rule.value);
      const version = optional(rule.version);
      return {
        ...(rule.kind === 'plans' ? { plans: rule.name.split(/[\s,]+/).filter(Boolean) } : { [rule.kind]: rule.name.trim() }),
        ...(value ? { value } : {}),
        ...(version ? { version } : {}),
      };
    }),
    sticky: values.sticky,
    ...(stickyCookie ? { stickyCookie } : {}),
  };
}

/**
 * What the contract cannot say about rows, since its weights are a record: a version left
 * empty or given twice, a percent left empty, a plan rule naming no plan. Added before the
 * contract's issues, so these are the ones a field shows.
 */
export function checkSplitRows(values: TSplitFormValues, ctx: z.RefinementCtx, prefix: (string | number)[]): void {
  const seen = new Set<string>();
  values.weights.forEach((row, index) => {
    const version = row.version.trim();
    if (version === '') ctx.addIssue({ code: 'custom', path: [...prefix, 'weights', index, 'version'], message: 'name a version' });
    else if (seen.has(version)) ctx.addIssue({ code: 'custom', path: [...prefix, 'weights', index, 'version'], message: `"${version}" is given twice` });
    seen.add(version);
    if (row.percent === undefined) ctx.addIssue({ code: 'custom', path: [...prefix, 'weights', index, 'percent'], message: 'give a percent' });
  });
  values.rules.forEach((rule, index) => {
    if (rule.kind === 'plans' && rule.name.trim() === '') ctx.addIssue({ code: 'custom', path: [...prefix, 'rules', index, 'name'], message: 'name at least one plan' });
  });
}

/**
 * The rows' field for a path inside the contract's split: `weights.canary` is the row naming
 * canary (its version, or its percent when `onValue`), a sum over the weights sits on the list,
 * and a rule's header, cookie or plans are the rule's name field.
 */
export function splitFieldPath(path: readonly PropertyKey[], values: TSplitFormValues | undefined, onValue: boolean): (string | number)[] {
  const [list, key, field] = path.map((part) => (typeof part === 'symbol' ? '' : part));
  if (list === 'weights' || list === undefined) {
    const index = key === undefined ? -1 : (values?.weights.findIndex((row) => row.version.trim() === String(key)) ?? -1);
    return index === -1 ? ['weights', 'root'] : ['weights', index, onValue ? 'percent' : 'version'];
  }
  if (list === 'rules') {
    if (key === undefined) return ['rules', 'root'];
    return ['rules', key, field === 'value' || field === 'version' ? field : 'name'];
  }
  return [list];
}

/** The message a field shows for a contract issue: a bad record key says why, not just "Invalid key in record". */
export function splitIssueMessage(issue: z.core.$ZodIssue): string {
  return issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
}

/**
 * A form's field for a path of its contract (a schema issue's, or a server error's name split
 * on dots): paths under `split` go to the split's rows, the rest stay as they are.
 */
export function splitAwareFieldPath(path: readonly PropertyKey[], split: TSplitFormValues | undefined, onValue: boolean): (string | number)[] {
  const [head, ...rest] = path.map((part) => (typeof part === 'symbol' ? '' : part));
  return head === 'split' ? ['split', ...splitFieldPath(rest, split, onValue)] : [head ?? '', ...rest];
}

/** The contract's issues added to a form's refinement, each on the field that shows it. */
export function addContractIssues(issues: readonly z.core.$ZodIssue[], split: TSplitFormValues | undefined, ctx: z.RefinementCtx): void {
  for (const issue of issues) {
    // A weight's key is its version; anything else wrong with a weight is its percent.
    const onValue = issue.code !== 'invalid_key' && issue.code !== 'custom';
    ctx.addIssue({ code: 'custom', path: splitAwareFieldPath(issue.path, split, onValue), message: splitIssueMessage(issue) });
  }
}
