// The worker: billing statements, usage records and webhook delivery on a schedule.
// Several workers may run at once; every job is idempotent and claims rows with SKIP LOCKED.
import { createDb } from '@tollgate/db';
import { pino } from 'pino';
import { startBillingScheduler } from './billing-scheduler';
import { readWorkerEnv, type WorkerEnv } from './env';

let env: WorkerEnv;
try {
  env = readWorkerEnv();
} catch (error) {
  console.error(`tollgate worker: ${(error as Error).message}`);
  process.exit(1);
}
const log = pino({ level: env.LOG_LEVEL, base: { service: 'tollgate-worker' } });
const db = createDb(env.DATABASE_URL, { max: 4 });
const scheduler = startBillingScheduler(db, env, log);
log.info(
  { billingTickMs: env.BILLING_TICK_MS, rollupTickMs: env.ROLLUP_TICK_MS, webhookPollMs: env.WEBHOOK_POLL_MS, alertTickMs: env.ALERT_TICK_MS, linkCleanupTickMs: env.LINK_CLEANUP_TICK_MS, insecureWebhooks: env.TOLLGATE_ALLOW_INSECURE_WEBHOOKS },
  'worker started',
);
void scheduler.tick();
void scheduler.deliver();
void scheduler.rollUp();
void scheduler.evaluateAlerts();
void scheduler.cleanUpLinks();

const shutdown = async () => {
  log.info('worker stopping');
  await scheduler.stop();
  await db.$disconnect();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
// The loops' timers are unref'd; this keeps the process alive until a signal.
setInterval(() => {}, 1 << 30);
