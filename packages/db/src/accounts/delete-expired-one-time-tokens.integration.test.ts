import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../testing';
import { deleteExpiredOneTimeTokens } from './delete-expired-one-time-tokens';

const t = useTestDatabase();
const NOW = new Date('2026-06-01T12:00:00Z');
const DAY = 86_400_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe('deleteExpiredOneTimeTokens', () => {
  it('drops used and unused links past expiry plus the grace, in batches, and keeps the rest', async () => {
    const verified = await t.db.user.create({ data: { email: 'done@example.com', name: 'Done', passwordHash: 'x', emailVerifiedAt: ago(30 * DAY) } });
    const waiting = await t.db.user.create({ data: { email: 'waiting@example.com', name: 'Waiting', passwordHash: 'x' } });
    const old = (hash: string, fields: object) => t.db.oneTimeToken.create({ data: { hash, purpose: 'reset_password', email: 'done@example.com', expiresAt: ago(10 * DAY), ...fields } });
    for (let index = 0; index < 5; index += 1) await old(`old-${index}`, { usedAt: index % 2 ? ago(11 * DAY) : null });
    await old('old-verify-done', { purpose: 'verify_email', userId: verified.id, usedAt: ago(20 * DAY) });
    await old('old-verify-waiting', { purpose: 'verify_email', email: 'waiting@example.com', userId: waiting.id });
    await old('old-invite', { purpose: 'team_invite', email: 'someone@example.com' });
    await old('in-grace', { expiresAt: ago(6 * DAY), usedAt: ago(6 * DAY) });
    await old('live', { expiresAt: new Date(NOW.getTime() + DAY) });

    expect(await deleteExpiredOneTimeTokens(t.db, NOW, 7 * DAY, 2)).toBe(7);
    const left = await t.db.oneTimeToken.findMany({ select: { hash: true }, orderBy: { hash: 'asc' } });
    expect(left.map((row) => row.hash)).toEqual(['in-grace', 'live', 'old-verify-waiting']);
    expect(await deleteExpiredOneTimeTokens(t.db, NOW, 7 * DAY, 2)).toBe(0);
  });
});
