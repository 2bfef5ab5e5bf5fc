import { deleteExpiredOneTimeTokens, deliverDueWebhooks, rollUpLevels, runBillingTick, type Db } from '@tollgate/db';
import { systemClock, type Clock } from '@tollgate/domain';
import { createMailer } from '@tollgate/mail';
import type { Logger } from 'pino';
import { runAlertTick } from './alert-evaluator';
import type { WorkerEnv } from './env';

export interface BillingScheduler {
  /** Runs one billing tick now (tests, start-up). */
  tick(): Promise<void>;
  /** Sends the due webhook deliveries now. */
  deliver(): Promise<void>;
  /** Brings the hourly and daily usage rollups up to date now. */
  rollUp(): Promise<void>;
  /** Evaluates the alert rules now. */
  evaluateAlerts(): Promise<void>;
  /** Deletes the single-use links that expired more than LINK_CLEANUP_GRACE_MS ago now. */
  cleanUpLinks(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Five loops: the billing tick (close, refresh, queue usage records) every
 * BILLING_TICK_MS, webhook delivery every WEBHOOK_POLL_MS, the hourly and daily usage
 * rollups every ROLLUP_TICK_MS, the alert rules every ALERT_TICK_MS, and the deletion of
 * expired single-use links every LINK_CLEANUP_TICK_MS. A run never overlaps the
 * previous one of the same loop; a failed run (PostgreSQL away) is logged and retried
 * on the next beat.
 */
export function startBillingScheduler(db: Db, env: WorkerEnv, log: Logger, clock: Clock = systemClock): BillingScheduler {
  let stopped = false;
  const running = new Set<Promise<void>>();

  const loop = (name: string, everyMs: number, work: () => Promise<void>) => {
    let busy: Promise<void> | undefined;
    const run = () => {
      if (busy || stopped) return busy ?? Promise.resolve();
      busy = work()
        .catch((error: unknown) => log.warn({ err: error }, `${name} failed; retrying in ${everyMs} ms`))
        .finally(() => {
          running.delete(busy!);
          busy = undefined;
        });
      running.add(busy);
      return busy;
    };
    const timer = setInterval(run, everyMs);
    timer.unref();
    return { run, timer };
  };

  const billing = loop('billing tick', env.BILLING_TICK_MS, async () => {
    const result = await runBillingTick(db, clock.now(), {
      closeGraceMs: env.BILLING_CLOSE_GRACE_MS,
      usageSettleMs: env.USAGE_RECORD_SETTLE_MS,
      usageLookbackMs: env.USAGE_RECORD_LOOKBACK_MS,
      deliveryRetentionMs: env.WEBHOOK_DELIVERY_RETENTION_DAYS * 86_400_000,
      source: env.TOLLGATE_EVENT_SOURCE,
    });
    if (result.closed || result.usageRecordsQueued || result.deliveriesDeleted) log.info(result, 'billing tick');
    else log.debug(result, 'billing tick');
  });
  const delivery = loop('webhook delivery', env.WEBHOOK_POLL_MS, async () => {
    // Keep sending while full batches come back, so a backlog drains quickly.
    for (;;) {
      const result = await deliverDueWebhooks(db, clock.now(), {
        maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
        timeoutMs: env.WEBHOOK_TIMEOUT_MS,
        allowInsecure: env.TOLLGATE_ALLOW_INSECURE_WEBHOOKS,
      });
      const handled = result.delivered + result.failed + result.dead;
      if (handled) log.info(result, 'webhook deliveries');
      if (result.dead) log.warn({ dead: result.dead }, 'webhook deliveries dead-lettered; see `npx tollgate webhooks deliveries --status dead`');
      if (handled < 100 || stopped) break;
    }
  });

  const rollups = loop('usage rollup', env.ROLLUP_TICK_MS, async () => {
    const result = await rollUpLevels(db);
    log.debug(result, 'usage rollup');
  });

  const mailer = createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, outboxDir: env.MAIL_OUTBOX_DIR });
  const alerts = loop('alert evaluation', env.ALERT_TICK_MS, async () => {
    await runAlertTick(db, clock.now(), { source: env.TOLLGATE_EVENT_SOURCE, mailer, consoleUrl: env.NEXTAUTH_URL ?? null, log });
  });

  const links = loop('link cleanup', env.LINK_CLEANUP_TICK_MS, async () => {
    const deleted = await deleteExpiredOneTimeTokens(db, clock.now(), env.LINK_CLEANUP_GRACE_MS);
    if (deleted) log.info({ deleted }, 'expired single-use links deleted');
  });

  return {
    tick: billing.run,
    deliver: delivery.run,
    rollUp: rollups.run,
    evaluateAlerts: alerts.run,
    cleanUpLinks: links.run,
    stop: async () => {
      stopped = true;
      clearInterval(billing.timer);
      clearInterval(delivery.timer);
      clearInterval(rollups.timer);
      clearInterval(alerts.timer);
      clearInterval(links.timer);
      await Promise.allSettled([...running]);
    },
  };
}
