import { assertSafeWebhookUrl } from '@tollgate/db';
import { TollgateError, isTollgateError } from '@tollgate/errors';

/**
 * A webhook target the worker may post to: https, no credentials, and a host whose every
 * address is public (no loopback, private, link-local or cloud metadata address). The worker
 * checks again at each delivery and connects to the checked address, so a name that later
 * resolves elsewhere is caught there too. Refusals name the field `url`.
 */
export async function checkWebhookUrl(value: string): Promise<string> {
  try {
    return (await assertSafeWebhookUrl(value, false)).toString();
  } catch (error) {
    if (!isTollgateError(error)) throw error;
    throw new TollgateError('invalid_params', { detail: `url: ${error.detail}`, invalidParams: [{ name: 'url', reason: error.detail }] });
  }
}
