// Webhook signatures per the Standard Webhooks specification (https://www.standardwebhooks.com):
//   webhook-id: <event id>
//   webhook-timestamp: <unix seconds>
//   webhook-signature: v1,<base64 HMAC-SHA256(key, `${id}.${timestamp}.${body}`)>
// The key is the bytes the secret `whsec_<base64>` encodes, so a receiver gives the
// secret as it was shown to `new Webhook(secret)` of any Standard Webhooks library.
// Secrets made before this scheme are `whsec_<base64url>`: the same bytes, decoded the
// same way (Node's base64 decoder reads both alphabets); see standardWebhookSecret.
import { createHmac, randomBytes } from 'node:crypto';

export const STANDARD_WEBHOOK_ID_HEADER = 'webhook-id';
export const STANDARD_WEBHOOK_TIMESTAMP_HEADER = 'webhook-timestamp';
export const STANDARD_WEBHOOK_SIGNATURE_HEADER = 'webhook-signature';

const SECRET_PREFIX = 'whsec_';

/** A new signing secret: `whsec_` and the standard base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/** The HMAC key a secret stands for: the bytes after `whsec_`, base64 or base64url. */
export function standardWebhookKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  return Buffer.from(encoded, 'base64');
}

/** The secret as Standard Webhooks libraries read it (`whsec_` + standard base64); new secrets are already so. */
export function standardWebhookSecret(secret: string): string {
  return `${SECRET_PREFIX}${standardWebhookKey(secret).toString('base64')}`;
}

/** The `webhook-signature` header value for one message. */
export function signStandardWebhook(secret: string, id: string, timestamp: number, body: string | Uint8Array): string {
  const hmac = createHmac('sha256', standardWebhookKey(secret));
  hmac.update(`${id}.${timestamp}.`);
  hmac.update(body);
  return `v1,${hmac.digest('base64')}`;
}
