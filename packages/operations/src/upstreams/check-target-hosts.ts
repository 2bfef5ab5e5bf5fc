import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { TollgateError } from '@tollgate/errors';

/** How long one name may take to resolve before apply refuses it. */
const LOOKUP_TIMEOUT_MS = 5_000;

/** Host names of target URLs that the gateway resolves itself (not an IP literal, not localhost). */
export function targetHostName(url: string): string | null {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 || host === 'localhost' || host.endsWith('.localhost')) return null;
  return host;
}

/**
 * Refuses targets whose host name does not resolve now (through the system resolver of the
 * machine applying the config), naming each one's field: 400 invalid_params, nothing written.
 */
export async function checkTargetHosts(targets: readonly { url: string }[], field: (index: number) => string): Promise<void> {
  const failures = await Promise.all(
    targets.map(async (target, index) => {
      const host = targetHostName(target.url);
      if (host === null) return null;
      const reason = await resolves(host);
      return reason === null ? null : { name: field(index), reason: `host "${host}" does not resolve (${reason})` };
    }),
  );
  const invalid = failures.filter((failure) => failure !== null);
  if (invalid.length > 0) throw new TollgateError('invalid_params', { detail: 'A target host does not resolve.', invalidParams: invalid });
}

async function resolves(host: string): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('no answer in time'), LOOKUP_TIMEOUT_MS);
  });
  try {
    return await Promise.race([lookup(host, { all: true }).then((addresses) => (addresses.length > 0 ? null : 'no address')), late]);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'lookup failed';
  } finally {
    clearTimeout(timer);
  }
}
