import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@tollgate/db/testing';
import { manualClock } from '@tollgate/domain';
import { startBillingScheduler, type BillingScheduler } from './billing-scheduler';
import { readWorkerEnv } from './env';

const t = useTestDatabase();
const HOUR = 3_600_000;
let scheduler: BillingScheduler | undefined;
afterAll(async () => {
  await scheduler?.stop();
});

describe('link cleanup loop', () => {
  it('deletes expired single-use links on its tick, once past the grace period', async () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const link = (hash: string, expiresAt: Date, usedAt: Date | null = null) =>
      t.db.oneTimeToken.create({ data: { hash, purpose: 'reset_password', email: 'someone@example.com', expiresAt, usedAt } });
    await link('expired-unused', new Date(now.getTime() - 3 * HOUR));
    await link('expired-used', new Date(now.getTime() - 3 * HOUR), new Date(now.getTime() - 4 * HOUR));
    await link('just-expired', new Date(now.getTime() - HOUR / 2));
    await link('live', new Date(now.getTime() + HOUR));

    const env = readWorkerEnv({
      DATABASE_URL: t.url,
      LINK_CLEANUP_TICK_MS: '100',
      LINK_CLEANUP_GRACE_MS: String(HOUR),
      BILLING_TICK_MS: '3600000',
      WEBHOOK_POLL_MS: '3600000',
      ROLLUP_TICK_MS: '3600000',
      ALERT_TICK_MS: '3600000',
    });
    expect(env.LINK_CLEANUP_GRACE_MS).toBe(HOUR);
    scheduler = startBillingScheduler(t.db, env, pino({ level: 'silent' }), manualClock(now.toISOString()));
    // Nothing calls cleanUpLinks here: the loop's own timer does the work.
    await expect
      .poll(async () => (await t.db.oneTimeToken.findMany({ select: { hash: true }, orderBy: { hash: 'asc' } })).map((row) => row.hash), { timeout: 10_000, interval: 100 })
      .toEqual(['just-expired', 'live']);
  });

  it('keeps links a week past expiry by default', () => {
    expect(readWorkerEnv({ DATABASE_URL: t.url })).toMatchObject({ LINK_CLEANUP_TICK_MS: 3_600_000, LINK_CLEANUP_GRACE_MS: 7 * 86_400_000 });
    expect(() => readWorkerEnv({ DATABASE_URL: t.url, LINK_CLEANUP_GRACE_MS: '-1' })).toThrow(/LINK_CLEANUP_GRACE_MS/);
  });
});
