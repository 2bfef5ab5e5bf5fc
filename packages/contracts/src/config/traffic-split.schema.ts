// Traffic splitting: an upstream's targets grouped into named versions ("stable",
// "canary"), each request sent to one version, by a rule (header, cookie, the caller's
// plan) or else by weight, sticky per consumer. Stored in upstreams.settings.split (the
// API's split) and routes.policies.split (a route's own); the version a target belongs
// to is its `version` column. See docs/rfcs/0013-traffic-splitting.md.
import { z } from 'zod';

/** A version of an upstream: lower-case letters, digits, dots, dashes and underscores. */
export const ZSplitVersionName = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, 'must be lower-case letters, digits, dots, dashes or underscores (at most 40)');

const ZSplitHeader = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/, 'must be a header name');
const ZSplitCookie = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/, 'must be a cookie name');
const ZPlanSlug = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'must be a plan slug');

/**
 * One rule, tried in order before the weights: a request header or cookie equal to `value`
 * (or, without `value`, whose value names a version), or a caller whose plan is one of
 * `plans`, goes to `version`.
 */
export const ZSplitRule = z
  .strictObject({
    header: ZSplitHeader.optional(),
    cookie: ZSplitCookie.optional(),
    plans: z.array(ZPlanSlug).min(1).max(50).optional(),
    value: z.string().min(1).max(200).optional(),
    version: ZSplitVersionName.optional(),
  })
  .superRefine((rule, ctx) => {
    const given = [rule.header, rule.cookie, rule.plans].filter((part) => part !== undefined).length;
    if (given !== 1) ctx.addIssue({ code: 'custom', path: [], message: 'give exactly one of header, cookie or plans' });
    if (rule.plans !== undefined && rule.value !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: 'is not used with plans' });
    if (rule.version === undefined && (rule.plans !== undefined || rule.value !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['version'], message: 'is required with plans or value' });
    }
  });

export const ZTrafficSplit = z
  .strictObject({
    /** Percent of the requests no rule decides, per version; they sum to 100. */
    weights: z.record(ZSplitVersionName, z.int().min(0).max(100)),
    rules: z.array(ZSplitRule).max(50).default([]),
    /**
     * `consumer`: the weights pick by a hash of the calling app (anonymous callers: of the
     * `stickyCookie` value when sent, else of the client address), so a caller keeps its
     * version while the weights stay; `none`: each request drawn anew.
     */
    sticky: z.enum(['consumer', 'none']).default('consumer'),
    stickyCookie: ZSplitCookie.optional(),
  })
  .superRefine((split, ctx) => {
    const entries = Object.entries(split.weights);
    if (entries.length === 0) ctx.addIssue({ code: 'custom', path: ['weights'], message: 'needs at least one version' });
    const sum = entries.reduce((total, [, weight]) => total + weight, 0);
    if (entries.length > 0 && sum !== 100) ctx.addIssue({ code: 'custom', path: ['weights'], message: `must sum to 100 (they sum to ${sum})` });
  });

export type TSplitRule = z.infer<typeof ZSplitRule>;
export type TTrafficSplit = z.infer<typeof ZTrafficSplit>;

/** The version names a split refers to (its weights and its rules' versions). */
export function splitVersionRefs(split: TTrafficSplit): { path: (string | number)[]; name: string }[] {
  return [
    ...Object.keys(split.weights).map((name) => ({ path: ['weights', name], name })),
    ...split.rules.flatMap((rule, index) => (rule.version === undefined ? [] : [{ path: ['rules', index, 'version'], name: rule.version }])),
  ];
}

/** The places a split names a version no target serves (paths relative to the split). */
export function unknownSplitVersions(targets: readonly { version?: string | null | undefined }[], split: TTrafficSplit): { path: (string | number)[]; message: string }[] {
  const known = new Set(targets.flatMap((target) => (target.version == null ? [] : [target.version])));
  return splitVersionRefs(split)
    .filter((ref) => !known.has(ref.name))
    .map((ref) => ({ path: ref.path, message: `unknown version "${ref.name}": no target names it` }));
}

/**
 * Checks that every version a split names has targets (refused otherwise, at the field
 * that names it) and that every target of a split upstream names a version.
 */
export function checkSplitVersions(
  targets: readonly { version?: string | undefined }[],
  split: TTrafficSplit | undefined,
  ctx: z.RefinementCtx,
  splitPath: (string | number)[],
  targetsPath: (string | number)[] | null,
): void {
  if (split === undefined) return;
  for (const issue of unknownSplitVersions(targets, split)) ctx.addIssue({ code: 'custom', path: [...splitPath, ...issue.path], message: issue.message });
  if (targetsPath === null) return;
  targets.forEach((target, index) => {
    if (target.version === undefined) ctx.addIssue({ code: 'custom', path: [...targetsPath, index, 'version'], message: 'is required when the upstream splits traffic' });
  });
}
