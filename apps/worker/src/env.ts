// The worker's whole configuration, read from the environment once at start and frozen.
// Nothing else in the worker reads process.env.
import { resolveDatabaseUrl } from '@tollgate/db';
import { z } from 'zod';

const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);
const positive = (fallback: number) => z.preprocess(unsetWhenEmpty, z.coerce.number().int().positive().default(fallback));
const nonNegative = (fallback: number) => z.preprocess(unsetWhenEmpty, z.coerce.number().int().min(0).default(fallback));

export const ZWorkerEnv = z.object({
  DATABASE_URL: z.string().min(1),
  LOG_LEVEL: z.preprocess(unsetWhenEmpty, z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info')),
  /** How often statements are closed and refreshed and usage records queued. */
  BILLING_TICK_MS: positive(60_000),
  /** A period is closed this long after it ends, so usage still being flushed lands in it. */
  BILLING_CLOSE_GRACE_MS: nonNegative(5 * 60_000),
  /** A minute of usage is sent to webhooks once it is this old. */
  USAGE_RECORD_SETTLE_MS: nonNegative(2 * 60_000),
  /** Minutes this far back are checked for late usage, which goes out as correction records. */
  USAGE_RECORD_LOOKBACK_MS: positive(60 * 60_000),
  /** How often the hourly and daily usage rollups are brought up to date from the minutes. */
  ROLLUP_TICK_MS: positive(60_000),
  /** How often due webhook deliveries are sent. */
  WEBHOOK_POLL_MS: positive(2_000),
  /** Delivered webhook deliveries are kept this many days (pending and dead ones until handled). */
  WEBHOOK_DELIVERY_RETENTION_DAYS: positive(30),
  WEBHOOK_MAX_ATTEMPTS: positive(12),
  WEBHOOK_TIMEOUT_MS: positive(10_000),
  /** CloudEvents `source` of the records Tollgate sends. */
  TOLLGATE_EVENT_SOURCE: z.preprocess(unsetWhenEmpty, z.string().min(1).default('/tollgate/billing')),
  /** How often the alert rules are evaluated over the rollups. */
  ALERT_TICK_MS: positive(60_000),
  /** How often expired single-use links (verification, reset, invite, sign-in) are deleted. */
  LINK_CLEANUP_TICK_MS: positive(60 * 60_000),
  /** A link is deleted this long after it expires, so following it still says why it no longer works. */
  LINK_CLEANUP_GRACE_MS: nonNegative(7 * 86_400_000),
  /** Outgoing mail (alerts), as the portal reads it: SMTP when set, else .eml files in MAIL_OUTBOX_DIR. */
  SMTP_URL: z.preprocess(unsetWhenEmpty, z.url().optional()),
  MAIL_FROM: z.preprocess(unsetWhenEmpty, z.string().min(3).default('Tollgate <no-reply@tollgate.local>')),
  MAIL_OUTBOX_DIR: z.preprocess(unsetWhenEmpty, z.string().min(1).default('.data/mail')),
  /** The portal's public URL, linked from alert mail (the portal's own setting). */
  NEXTAUTH_URL: z.preprocess(unsetWhenEmpty, z.url().optional()),
  /** Port of the worker's Prometheus /metrics (0: any free port, logged at start). */
  WORKER_METRICS_PORT: z.preprocess(unsetWhenEmpty, z.coerce.number().int().min(0).max(65_535).default(9091)),
  /** Address /metrics listens on: loopback unless said otherwise, so metrics are not public by accident. */
  WORKER_METRICS_HOST: z.preprocess(unsetWhenEmpty, z.string().min(1).default('127.0.0.1')),
  /** "1" allows http webhooks, to loopback addresses only (local work and tests). */
  TOLLGATE_ALLOW_INSECURE_WEBHOOKS: z.preprocess(unsetWhenEmpty, z.enum(['0', '1', 'true', 'false']).default('0')).transform((value) => value === '1' || value === 'true'),
});

export type WorkerEnv = Readonly<z.infer<typeof ZWorkerEnv>>;

export function readWorkerEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const parsed = ZWorkerEnv.safeParse({ ...source, DATABASE_URL: resolveDatabaseUrl(source) });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`invalid worker configuration: ${problems}`);
  }
  return Object.freeze(parsed.data);
}
