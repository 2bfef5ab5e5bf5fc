import { describe, expect, it } from 'vitest';
import { upstreamFormFieldName, upstreamFormValues, ZUpstreamFormValues, type TUpstreamFormValues } from './upstream-form-values';

const targets = [
  { url: 'http://127.0.0.1:4010', weight: 1, version: 'stable' },
  { url: 'http://127.0.0.1:4011', weight: 1, version: 'canary' },
];
const split = (weights: { version: string; percent?: number }[], rules: NonNullable<TUpstreamFormValues['split']>['rules'] = []) => ({ weights, rules, sticky: 'consumer' as const, stickyCookie: '' });

function errorsOf(values: TUpstreamFormValues): Record<string, string> {
  const result = ZUpstreamFormValues.safeParse(values);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[issue.path.join('.')] ??= issue.message;
  return errors;
}

describe('the upstream form values', () => {
  it('turn rows into the update the contract takes, and a stored split back into the same rows', () => {
    const values: TUpstreamFormValues = {
      loadBalancing: 'round-robin',
      targets,
      split: split([{ version: 'stable', percent: 95 }, { version: 'canary', percent: 5 }], [
        { kind: 'plans', name: 'partner, gold', value: 'ignored', version: 'canary' },
        { kind: 'header', name: 'X-Release', value: '', version: '' },
      ]),
    };
    const update = ZUpstreamFormValues.parse(values);
    expect(update.split).toEqual({ weights: { stable: 95, canary: 5 }, rules: [{ plans: ['partner', 'gold'], version: 'canary' }, { header: 'X-Release' }], sticky: 'consumer' });
    expect(update.targets.map((target) => target.version)).toEqual(['stable', 'canary']);
    // Stored as jsonb, whose keys come back in its own order: the rows still list the largest share first.
    const back = upstreamFormValues({ ...update, split: { ...update.split, weights: { canary: 5, stable: 95 } }, health: [] } as never);
    expect(back.split?.rules[0]).toEqual({ kind: 'plans', name: 'partner, gold', value: '', version: 'canary' });
    expect(back.split?.weights).toEqual(values.split?.weights);
  });

  it('sends no split when it is off, and targets without a version then', () => {
    const update = ZUpstreamFormValues.parse({ loadBalancing: 'weighted', targets: [{ url: 'http://127.0.0.1:4010', weight: 3, version: '' }] });
    expect(update).toEqual({ loadBalancing: 'weighted', targets: [{ url: 'http://127.0.0.1:4010', weight: 3 }] });
  });

  it("puts the contract's errors on the rows' fields", () => {
    const errors = errorsOf({ loadBalancing: 'round-robin', targets: [...targets, { url: 'http://127.0.0.1:4012', weight: 1, version: '' }], split: split([{ version: 'stable', percent: 90 }, { version: 'beta', percent: 5 }], [{ kind: 'plans', name: '', value: '', version: 'gamma' }]) });
    expect(errors).toEqual({
      'split.weights.root': 'must sum to 100 (they sum to 95)',
      'split.weights.1.version': 'unknown version "beta": no target names it',
      'split.rules.0.name': 'name at least one plan',
      'split.rules.0.version': 'unknown version "gamma": no target names it',
      'targets.2.version': 'is required when the upstream splits traffic',
    });
  });

  it('refuses a version left empty, given twice or badly named, and a percent left empty, on the row', () => {
    const errors = errorsOf({ targets, split: split([{ version: 'stable' }, { version: 'stable', percent: 100 }, { version: 'Canary!', percent: 0 }, { version: '', percent: 0 }]) });
    expect(errors).toMatchObject({
      'split.weights.0.percent': 'give a percent',
      'split.weights.1.version': '"stable" is given twice',
      'split.weights.2.version': 'must be lower-case letters, digits, dots, dashes or underscores (at most 40)',
      'split.weights.3.version': 'name a version',
    });
  });

  it("names the form's field for a server error", () => {
    const values: TUpstreamFormValues = { targets, split: split([{ version: 'stable', percent: 100 }]) };
    expect(upstreamFormFieldName('targets[1].url', values)).toBe('targets.1.url');
    expect(upstreamFormFieldName('split.weights.stable', values)).toBe('split.weights.0.version');
    expect(upstreamFormFieldName('split.weights', values)).toBe('split.weights.root');
    expect(upstreamFormFieldName('split.rules[0].plans[1]', values)).toBe('split.rules.0.name');
  });
});
