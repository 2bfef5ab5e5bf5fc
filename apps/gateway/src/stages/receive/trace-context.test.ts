import { describe, expect, it } from 'vitest';
import { nextTraceparent, randomHex } from './trace-context';

describe('nextTraceparent', () => {
  it('keeps trace id and flags of a valid parent, with a new span id', () => {
    const result = nextTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    expect(result.valid).toBe(true);
    expect(result.traceparent).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    expect(result.traceparent).not.toContain('00f067aa0ba902b7');
  });

  it('keeps the caller\'s flags whatever they are', () => {
    expect(nextTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00').traceparent).toMatch(/-00$/);
    expect(nextTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03').traceparent).toMatch(/-03$/);
  });

  it('starts a trace it does not sample otherwise (it records nothing of it)', () => {
    for (const value of [undefined, '', '00-abc', '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01']) {
      const result = nextTraceparent(value);
      expect(result.valid).toBe(false);
      expect(result.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
    }
  });
});

describe('randomHex', () => {
  it('gives different ids of the asked length across pool refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) seen.add(randomHex(8));
    expect(seen.size).toBe(2_000);
    expect([...seen].every((id) => /^[0-9a-f]{16}$/.test(id))).toBe(true);
  });
});
