import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { throttleAccountRequest } from './account-request-throttle';

// Unique names per run: with REDIS_URL set the counts live in the shared Redis.
const run = randomBytes(4).toString('hex');
const NOW = Date.now();

describe('throttleAccountRequest', () => {
  it('lets an address ask five times an hour, then makes it wait, while other addresses go on', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) await throttleAccountRequest('sign_up', `a-${run}@example.com`, `10.0.0.1-${run}`, NOW);
    await expect(throttleAccountRequest('sign_up', `A-${run}@Example.com`, `10.0.0.2-${run}`, NOW)).rejects.toMatchObject({
      code: 'rate_limited',
      detail: 'Too many attempts; try again in 15 minutes.',
      headers: { 'Retry-After': '900' },
    });
    await expect(throttleAccountRequest('sign_up', `b-${run}@example.com`, `10.0.0.1-${run}`, NOW)).resolves.toBeUndefined();
    // Sign-up and mailed links count apart.
    await expect(throttleAccountRequest('mail_link', `a-${run}@example.com`, `10.0.0.1-${run}`, NOW)).resolves.toBeUndefined();
  });

  it('lets one client address ask for twenty addresses an hour', async () => {
    for (let attempt = 0; attempt < 20; attempt += 1) await throttleAccountRequest('mail_link', `n${attempt}-${run}@example.com`, `10.9.9.9-${run}`, NOW);
    await expect(throttleAccountRequest('mail_link', `fresh-${run}@example.com`, `10.9.9.9-${run}`, NOW)).rejects.toMatchObject({ code: 'rate_limited' });
  });
});
