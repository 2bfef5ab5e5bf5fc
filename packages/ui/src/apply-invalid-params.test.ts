import type { ErrorOption, UseFormSetError } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { applyInvalidParams, toFieldPath } from './apply-invalid-params';

type Call = { name: string; error: ErrorOption; focus: boolean | undefined };

function recorder() {
  const calls: Call[] = [];
  const setError = ((name: string, error: ErrorOption, options?: { shouldFocus?: boolean }) => {
    calls.push({ name, error, focus: options?.shouldFocus });
  }) as UseFormSetError<Record<string, unknown>>;
  return { calls, setError };
}

describe('toFieldPath', () => {
  it('maps JSON pointers, brackets and dots to react-hook-form paths', () => {
    expect(toFieldPath('upstream.targets.0.url')).toBe('upstream.targets.0.url');
    expect(toFieldPath('/upstream/targets/0/url')).toBe('upstream.targets.0.url');
    expect(toFieldPath('upstream.targets[0].url')).toBe('upstream.targets.0.url');
    expect(toFieldPath('')).toBe('');
  });
});

describe('applyInvalidParams', () => {
  it('sets each field error from the server and focuses the first', () => {
    const { calls, setError } = recorder();
    const result = applyInvalidParams(setError, [
      { name: 'slug', reason: 'is already taken' },
      { name: 'rateLimit.requests', reason: 'must be positive' },
    ]);
    expect(result).toEqual({ applied: ['slug', 'rateLimit.requests'], unmatched: [] });
    expect(calls).toEqual([
      { name: 'slug', error: { type: 'server', message: 'is already taken' }, focus: true },
      { name: 'rateLimit.requests', error: { type: 'server', message: 'must be positive' }, focus: false },
    ]);
  });

  it('keeps the first reason when the server names a field twice', () => {
    const { calls, setError } = recorder();
    applyInvalidParams(setError, [
      { name: 'slug', reason: 'first' },
      { name: 'slug', reason: 'second' },
    ]);
    expect(calls.map((call) => call.error.message)).toEqual(['first']);
  });

  it('puts errors for fields the form does not have on root.server, none lost', () => {
    const { calls, setError } = recorder();
    const result = applyInvalidParams(
      setError,
      [
        { name: 'name', reason: 'is required' },
        { name: 'upstream.targets.0.url', reason: 'must be http(s)' },
        { name: 'teamId', reason: 'unknown team' },
      ],
      { fields: ['name', 'upstream'] },
    );
    expect(result.applied).toEqual(['name', 'upstream.targets.0.url']);
    expect(result.unmatched).toEqual([{ name: 'teamId', reason: 'unknown team' }]);
    expect(calls.at(-1)).toEqual({ name: 'root.server', error: { type: 'server', message: 'teamId: unknown team' }, focus: undefined });
  });

  it('does nothing without invalid_params', () => {
    const { calls, setError } = recorder();
    expect(applyInvalidParams(setError, undefined)).toEqual({ applied: [], unmatched: [] });
    expect(calls).toEqual([]);
  });
});
