import { newWebhookSecret, WEBHOOK_EVENT_TYPES } from '@tollgate/domain';
import { TollgateError } from '@tollgate/errors';
import type { Db } from '../client/create-db';
import { assertSafeWebhookUrl } from './webhook-url';

export interface CreateWebhookInput {
  url: string;
  /** CloudEvents types to send; empty means all. */
  events?: string[];
  /** Only records of this team's apps; none means every team (platform webhook). */
  teamSlug?: string;
  allowInsecure: boolean;
}

export interface CreatedWebhook {
  id: string;
  url: string;
  events: string[];
  team: string | null;
  /** Shown once: receivers need it to verify signatures. */
  secret: string;
}

/** Registers a webhook after checking its URL (scheme and DNS, see webhook-url.ts). */
export async function createWebhook(db: Db, input: CreateWebhookInput): Promise<CreatedWebhook> {
  const events = [...new Set(input.events ?? [])];
  const unknown = events.filter((event) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(event));
  if (unknown.length) {
    throw new TollgateError('invalid_params', {
      detail: `unknown event type(s): ${unknown.join(', ')}; known: ${WEBHOOK_EVENT_TYPES.join(', ')}`,
      invalidParams: [{ name: 'events', reason: `unknown: ${unknown.join(', ')}` }],
    });
  }
  const url = await assertSafeWebhookUrl(input.url, input.allowInsecure);
  let teamId: string | null = null;
  if (input.teamSlug) {
    const team = await db.team.findUnique({ where: { slug: input.teamSlug } });
    if (!team) throw new TollgateError('not_found', { detail: `no team "${input.teamSlug}"` });
    teamId = team.id;
  }
  const secret = newWebhookSecret();
  const created = await db.webhook.create({ data: { url: url.toString(), secret, eventTypes: events, teamId } });
  return { id: created.id, url: created.url, events, team: input.teamSlug ?? null, secret };
}
