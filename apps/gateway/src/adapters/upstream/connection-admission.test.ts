import { describe, expect, it } from 'vitest';
import { ConnectionAdmission } from './connection-admission';

const policy = { queueTimeoutMs: 100, clientShare: 0.5 };
const uncapped = { queueTimeoutMs: 100, clientShare: 1 };

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'admitted';
};

describe('ConnectionAdmission', () => {
  it('grants free slots at once, then queues in FIFO order and hands released slots on', async () => {
    const admission = new ConnectionAdmission(2);
    expect(admission.acquire(null, 'a', uncapped)).toBeNull();
    expect(admission.acquire(null, 'b', uncapped)).toBeNull();
    const first = admission.acquire(null, 'c', uncapped)!;
    const second = admission.acquire(null, 'd', uncapped)!;
    const order: string[] = [];
    void first.granted.then(() => order.push('c'));
    void second.granted.then(() => order.push('d'));
    admission.release(null, 'a', uncapped);
    admission.release(null, 'b', uncapped);
    await Promise.all([first.granted, second.granted]);
    expect(order).toEqual(['c', 'd']);
    expect(admission.held).toBe(2);
    expect(admission.waiting).toBe(0);
  });

  it('gives up after the queue timeout with 503 upstream_busy and Retry-After', async () => {
    const admission = new ConnectionAdmission(1);
    admission.acquire(null, 'a', uncapped);
    const started = Date.now();
    const error = await admission.acquire(null, 'b', uncapped)!.granted.catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(error).toMatchObject({ code: 'upstream_busy', status: 503, headers: { 'retry-after': '1' } });
    expect(admission.waiting).toBe(0);
    admission.release(null, 'a', uncapped);
    expect(admission.held).toBe(0);
  });

  it('a cancelled waiter leaves the queue and its share', () => {
    const admission = new ConnectionAdmission(2);
    admission.acquire('app', 'x', policy);
    admission.acquire(null, 'y', policy);
    const pending = admission.acquire(null, 'z', policy)!;
    pending.cancel();
    expect(admission.waiting).toBe(0);
    admission.release(null, 'y', policy);
    expect(codeOf(() => admission.acquire(null, 'z', policy))).toBe('admitted');
  });

  it('caps one consumer and one client address at their share, counting waiters, with 429', () => {
    const admission = new ConnectionAdmission(4);
    admission.acquire('app-1', '10.0.0.1', policy);
    admission.acquire('app-1', '10.0.0.2', policy);
    expect(codeOf(() => admission.acquire('app-1', '10.0.0.3', policy))).toBe('concurrency_limited');
    admission.acquire(null, '10.0.0.4', policy);
    admission.acquire('app-2', '10.0.0.4', policy);
    expect(codeOf(() => admission.acquire(null, '10.0.0.4', policy))).toBe('concurrency_limited');
    // The pool is full: the next ones wait, and still count against their address.
    const waiters = [admission.acquire(null, '10.0.0.5', policy)!, admission.acquire(null, '10.0.0.5', policy)!];
    expect(codeOf(() => admission.acquire(null, '10.0.0.5', policy))).toBe('concurrency_limited');
    for (const waiter of waiters) waiter.cancel();
    admission.release('app-1', '10.0.0.1', policy);
    expect(codeOf(() => admission.acquire('app-1', '10.0.0.6', policy))).toBe('admitted');
  });

  it('a share of 1 caps nobody, and a pool with one connection is never capped below it', () => {
    const admission = new ConnectionAdmission(2);
    admission.acquire('app', 'x', uncapped);
    admission.acquire('app', 'x', uncapped);
    expect(new ConnectionAdmission(1).acquire('app', 'x', policy)).toBeNull();
  });
});
