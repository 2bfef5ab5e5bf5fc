import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker';

describe('CircuitBreaker', () => {
  it('opens after consecutive failures only; a success resets the count', () => {
    const breaker = new CircuitBreaker({ consecutiveFailures: 3, openMs: 1_000 });
    breaker.failure(false, 0);
    breaker.failure(false, 0);
    breaker.success(false);
    breaker.failure(false, 0);
    breaker.failure(false, 0);
    expect(breaker.admit(0)).toBe('pass');
    breaker.failure(false, 0);
    expect(breaker.admit(10)).toBe('refuse');
    expect(breaker.admit(999)).toBe('refuse');
  });

  it('half-opens after openMs with a single probe, which closes it on success', () => {
    const breaker = new CircuitBreaker({ consecutiveFailures: 1, openMs: 1_000 });
    breaker.failure(false, 0);
    expect(breaker.admit(1_000)).toBe('probe');
    expect(breaker.admit(1_001)).toBe('refuse');
    breaker.success(true);
    expect(breaker.admit(1_002)).toBe('pass');
  });

  it('opens again when the probe fails, and lets another request probe when the probe told nothing', () => {
    const breaker = new CircuitBreaker({ consecutiveFailures: 1, openMs: 1_000 });
    breaker.failure(false, 0);
    expect(breaker.admit(1_000)).toBe('probe');
    breaker.release(true);
    expect(breaker.admit(1_000)).toBe('probe');
    breaker.failure(true, 1_000);
    expect(breaker.admit(1_500)).toBe('refuse');
    expect(breaker.admit(2_000)).toBe('probe');
  });

  it('ignores late outcomes of requests admitted before it opened', () => {
    const breaker = new CircuitBreaker({ consecutiveFailures: 1, openMs: 1_000 });
    breaker.failure(false, 0);
    breaker.success(false);
    expect(breaker.admit(500)).toBe('refuse');
    expect(breaker.admit(1_000)).toBe('probe');
    breaker.success(false);
    expect(breaker.admit(1_000)).toBe('refuse');
  });
});
