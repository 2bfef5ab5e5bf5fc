import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  CLOUDEVENTS_CONTENT_TYPE,
  signStandardWebhook,
  signWebhookPayload,
  STANDARD_WEBHOOK_ID_HEADER,
  STANDARD_WEBHOOK_SIGNATURE_HEADER,
  STANDARD_WEBHOOK_TIMESTAMP_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
} from '@tollgate/domain';
import { parseWebhookUrl, resolveWebhookHost } from './webhook-url';

export interface SendResult {
  ok: boolean;
  status?: number;
  error?: string;
}

/**
 * POSTs one CloudEvent, signed twice with the webhook's secret: `Tollgate-Signature`
 * (Stripe's scheme) and the Standard Webhooks headers, whose `webhook-id` is the event id. The host is resolved and checked first, and the socket
 * connects to exactly the checked address (no second lookup, so no DNS rebinding).
 * Redirects are not followed; any 2xx is success.
 */
export async function sendWebhook(input: {
  url: string;
  secret: string;
  body: string;
  /** The CloudEvents id: the same on every retry, so receivers dedupe on it. */
  eventId: string;
  deliveryId: string;
  now: Date;
  timeoutMs: number;
  allowInsecure: boolean;
}): Promise<SendResult> {
  let url: URL;
  let addresses: { address: string; family: number }[];
  try {
    url = parseWebhookUrl(input.url, input.allowInsecure);
    addresses = await resolveWebhookHost(url, input.allowInsecure);
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const [first] = addresses;
  const lookup: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: typeof addresses) => void)(null, addresses);
    else callback(null, first!.address, first!.family);
  };
  const timestamp = Math.floor(input.now.getTime() / 1000);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<SendResult>((resolve) => {
    const request = transport.request(
      url,
      {
        method: 'POST',
        lookup,
        timeout: input.timeoutMs,
        headers: {
          'content-type': CLOUDEVENTS_CONTENT_TYPE,
          'content-length': Buffer.byteLength(input.body),
          'user-agent': 'Tollgate-Webhooks/1',
          [WEBHOOK_SIGNATURE_HEADER]: signWebhookPayload(input.secret, input.body, timestamp),
          'tollgate-delivery': input.deliveryId,
          [STANDARD_WEBHOOK_ID_HEADER]: input.eventId,
          [STANDARD_WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
          [STANDARD_WEBHOOK_SIGNATURE_HEADER]: signStandardWebhook(input.secret, input.eventId, timestamp, input.body),
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (text.length < 500) text += chunk;
        });
        response.on('end', () => resolve(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: `HTTP ${status} ${text.slice(0, 200)}`.trim() }));
        response.on('error', (error) => resolve({ ok: false, status, error: error.message }));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${input.timeoutMs} ms`)));
    request.on('error', (error) => resolve({ ok: false, error: error.message || (error as NodeJS.ErrnoException).code || 'request failed' }));
    request.end(input.body);
  });
}
