import { setTimeout as sleep } from 'node:timers/promises';
import type { TollgateError } from '@tollgate/errors';
import { describe, expect, it } from 'vitest';
import { BodyPace } from './body-pace';

function watch(policy: { idleMs: number; minBytesPerSecond: number; graceMs: number }) {
  const seen: TollgateError[] = [];
  const pace = new BodyPace(policy, (error) => seen.push(error));
  return { pace, seen };
}

describe('BodyPace', () => {
  it('fails a body that pauses longer than the idle timeout between chunks', async () => {
    const { pace, seen } = watch({ idleMs: 150, minBytesPerSecond: 0, graceMs: 0 });
    for (let i = 0; i < 4; i++) {
      await sleep(60);
      pace.chunk(10);
    }
    expect(seen).toHaveLength(0);
    await sleep(400);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ code: 'request_timeout', status: 408, headers: { connection: 'close' } });
  });

  it('fails a body below the minimum rate once the grace period is over, not before', async () => {
    const { pace, seen } = watch({ idleMs: 0, minBytesPerSecond: 1_000, graceMs: 200 });
    pace.chunk(1);
    await sleep(120);
    expect(seen).toHaveLength(0);
    await sleep(400);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.detail).toMatch(/bytes per second/);
  });

  it('lets a body that keeps up with the rate through, and stops checking when it ends', async () => {
    const { pace, seen } = watch({ idleMs: 200, minBytesPerSecond: 1_000, graceMs: 100 });
    for (let i = 0; i < 8; i++) {
      pace.chunk(500);
      await sleep(50);
    }
    pace.stop();
    await sleep(400);
    expect(seen).toHaveLength(0);
  });

  it('does not count time the gateway itself paused reading', async () => {
    const { pace, seen } = watch({ idleMs: 100, minBytesPerSecond: 1_000, graceMs: 50 });
    pace.chunk(100);
    pace.pause();
    await sleep(400);
    expect(seen).toHaveLength(0);
    pace.resume();
    await sleep(400);
    expect(seen).toHaveLength(1);
  });
});
