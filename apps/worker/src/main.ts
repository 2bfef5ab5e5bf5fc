// The worker: billing statements, usage records and webhook delivery on a schedule.
// Several workers may run at once; every job is idempotent and claims rows with SKIP LOCKED.
import type { AddressInfo } from 'node:net';
import { createDb } from '@tollgate/db';
import { systemClock } from '@tollgate/domain';
import { pino } from 'pino';
import { startBillingScheduler } from './billing-scheduler';
import { readWorkerEnv, type WorkerEnv } from './env';
import { createMetricsServer } from './metrics/metrics-server';
import { WorkerMetrics } from './metrics/worker-metrics';

let env: WorkerEnv;
try {
  env = readWorkerEnv();
} catch (error) {
  console.error(`tollgate worker: ${(error as Error).message}`);
  process.exit(1);
}
const log = pino({ level: env.LOG_LEVEL, base: { service: 'tollgate-worker' } });
const db = createDb(env.DATABASE_URL, { max: 4 });
const metrics = new WorkerMetrics(() => systemClock.now(), { processMetrics: true });
const metricsServer = createMetricsServer(metrics.registry);
metricsServer.once('error', (error) => {
  log.fatal({ err: error }, `worker metrics cannot listen on ${env.WORKER_METRICS_HOST}:${env.WORKER_METRICS_PORT}`);
  process.exit(1);
});
metricsServer.listen(env.WORKER_METRICS_PORT, env.WORKER_METRICS_HOST, () => {
  const { port } = metricsServer.address() as AddressInfo;
  log.info({ metricsUrl: `http://${env.WORKER_METRICS_HOST.includes(':') ? `[${env.WORKER_METRICS_HOST}]` : env.WORKER_METRICS_HOST}:${port}/metrics` }, 'worker metrics listening');
});
const scheduler = startBillingScheduler(db, env, log, systemClock, metrics);
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
  metricsServer.close();
  await db.$disconnect();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
// The loops' timers are unref'd; this keeps the process alive until a signal.
setInterval(() => {}, 1 << 30);
