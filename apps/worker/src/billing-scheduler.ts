import { deleteExpiredOneTimeTokens, deliverDueWebhooks, rollUpLevels, runBillingTick, type Db } from '@tollgate/db';
import { systemClock, type Clock } from '@tollgate/domain';
import { createMailer } from '@tollgate/mail';
import type { Logger } from 'pino';
import { runAlertTick } from './alert-evaluator';
import type { WorkerEnv } from './env';
import { WorkerMetrics, type WorkerJob } from './metrics/worker-metrics';

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
 * on the next beat. Every run is counted in `metrics` by job and result.
 */
export function startBillingScheduler(db: Db, env: WorkerEnv, log: Logger, clock: Clock = systemClock, metrics = new WorkerMetrics(() => clock.now())): BillingScheduler {
  let stopped = false;
  const running = new Set<Promise<void>>();

  const loop = (job: WorkerJob, name: string, everyMs: number, work: () => Promise<void>) => {
    let busy: Promise<void> | undefined;
    const run = () => {
      if (busy || stopped) return busy ?? Promise.resolve();
      const timer = metrics.jobDuration.startTimer({ job });
      busy = work()
        .then(
          () => metrics.jobRuns.inc({ job, result: 'ok' }),
          (error: unknown) => {
            metrics.jobRuns.inc({ job, result: 'error' });
            log.warn({ err: error }, `${name} failed; retrying in ${everyMs} ms`);
          },
        )
        .finally(() => {
          timer();
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

  const billing = loop('billing', 'billing tick', env.BILLING_TICK_MS, async () => {
    const result = await runBillingTick(db, clock.now(), {
      closeGraceMs: env.BILLING_CLOSE_GRACE_MS,
      usageSettleMs: env.USAGE_RECORD_SETTLE_MS,
      usageLookbackMs: env.USAGE_RECORD_LOOKBACK_MS,
      deliveryRetentionMs: env.WEBHOOK_DELIVERY_RETENTION_DAYS * 86_400_000,
      source: env.TOLLGATE_EVENT_SOURCE,
    });
    metrics.statementsClosed.inc(result.closed);
    metrics.usageRecordsQueued.inc(result.usageRecordsQueued);
    if (result.closed || result.usageRecordsQueued || result.deliveriesDeleted) log.info(result, 'billing tick');
    else log.debug(result, 'billing tick');
  });
  const delivery = loop('webhook_delivery', 'webhook delivery', env.WEBHOOK_POLL_MS, async () => {
    // Keep sending while full batches come back, so a backlog drains quickly.
    for (;;) {
      const result = await deliverDueWebhooks(db, clock.now(), {
        maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
        timeoutMs: env.WEBHOOK_TIMEOUT_MS,
        allowInsecure: env.TOLLGATE_ALLOW_INSECURE_WEBHOOKS,
      });
      const handled = result.delivered + result.failed + result.dead;
      for (const outcome of ['delivered', 'failed', 'dead'] as const) metrics.deliveries.inc({ result: outcome }, result[outcome]);
      if (handled) log.info(result, 'webhook deliveries');
      if (result.dead) log.warn({ dead: result.dead }, 'webhook deliveries dead-lettered; see `npx tollgate webhooks deliveries --status dead`');
      if (handled < 100 || stopped) break;
    }
    metrics.deadLetters.set(await db.webhookDelivery.count({ where: { status: 'dead' } }));
  });

  const rollups = loop('rollup', 'usage rollup', env.ROLLUP_TICK_MS, async () => {
    const result = await rollUpLevels(db);
    metrics.rolledUpTo(result.upTo);
    log.debug(result, 'usage rollup');
  });

  const mailer = createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, outboxDir: env.MAIL_OUTBOX_DIR });
  const alerts = loop('alerts', 'alert evaluation', env.ALERT_TICK_MS, async () => {
    const transitions = await runAlertTick(db, clock.now(), { source: env.TOLLGATE_EVENT_SOURCE, mailer, consoleUrl: env.NEXTAUTH_URL ?? null, log });
    for (const kind of transitions) metrics.alertTransitions.inc({ kind });
  });

  const links = loop('link_cleanup', 'link cleanup', env.LINK_CLEANUP_TICK_MS, async () => {
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
