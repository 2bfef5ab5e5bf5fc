import 'server-only';
import { TollgateError } from '@tollgate/errors';
import { orOpen, throttleStore } from './sign-in-throttle';
import type { ThrottlePolicy } from './throttle-store';

const MINUTE = 60_000;

/**
 * Sign-ups and mailed links (verification again, password reset) cost a message each: a few per
 * address and some more per client address an hour, then a lockout that doubles. Every attempt
 * counts, not just failures, so nobody can flood an inbox or enumerate addresses quickly.
 */
const POLICIES = {
  address: { limit: 5, windowMs: 60 * MINUTE, baseLockMs: 15 * MINUTE, maxLockMs: 24 * 60 * MINUTE },
  client: { limit: 20, windowMs: 60 * MINUTE, baseLockMs: 15 * MINUTE, maxLockMs: 24 * 60 * MINUTE },
} satisfies Record<string, ThrottlePolicy>;

export type AccountRequestKind = 'sign_up' | 'mail_link';

/** Counts this request; throws rate_limited (429) when the address or the client must wait first. */
export async function throttleAccountRequest(kind: AccountRequestKind, email: string, address: string | undefined, now = Date.now()): Promise<void> {
  const store = throttleStore();
  const keys: [string, ThrottlePolicy][] = [[`${kind}:account:${email.trim().toLowerCase()}`, POLICIES.address]];
  if (address) keys.push([`${kind}:address:${address}`, POLICIES.client]);
  const until = await Promise.all(keys.map(([key]) => orOpen(store.lockedUntil(key), 0)));
  const waitMs = Math.max(0, ...until.map((time) => time - now));
  if (waitMs > 0) {
    const minutes = Math.max(1, Math.ceil(waitMs / MINUTE));
    throw new TollgateError('rate_limited', { detail: `Too many attempts; try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`, headers: { 'Retry-After': String(minutes * 60) } });
  }
  await Promise.all(keys.map(([key, policy]) => orOpen(store.recordFailure(key, policy, now), 0)));
}
