import type { CloudEvent } from '@tollgate/domain';
import type { Db } from '../client/create-db';
import type { Prisma } from '../generated/prisma/client';
import { sqlUtc } from '../billing/sql-time';

type Client = Db | Prisma.TransactionClient;

/**
 * Queues one event for every active webhook that wants its type: webhooks of the
 * record's team and team-less (platform) webhooks; a platform event (teamId null) goes
 * to team-less webhooks only. A record already queued for a
 * webhook is not queued again (unique webhookId + recordId).
 */
export async function enqueueWebhookEvent(db: Client, input: { teamId: string | null; event: CloudEvent; now: Date }): Promise<number> {
  const { event } = input;
  return db.$executeRaw`
    INSERT INTO webhook_deliveries (id, "webhookId", "recordId", "eventType", payload, status, attempts, "nextAttemptAt", "createdAt")
    SELECT gen_random_uuid(), w.id, ${event.id}, ${event.type}, ${JSON.stringify(event)}::jsonb, 'pending', 0,
           ${sqlUtc(input.now)}, ${sqlUtc(input.now)}
    FROM webhooks w
    WHERE w.active
      AND (w."teamId" IS NULL OR w."teamId" = ${input.teamId}::uuid)
      AND (cardinality(w."eventTypes") = 0 OR ${event.type} = ANY(w."eventTypes"))
    ON CONFLICT ("webhookId", "recordId") DO NOTHING`;
}
