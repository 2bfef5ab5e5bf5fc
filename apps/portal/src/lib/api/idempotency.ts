import { createHash } from 'node:crypto';
import type { Db } from '@tollgate/db';
import { TollgateError } from '@tollgate/errors';

const TTL_MS = 24 * 60 * 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export type Reservation = { replay: Response } | { id: string };

/**
 * `Idempotency-Key` on POST: the first request with a key reserves it; its answer is stored
 * and replayed for the same key from the same caller for 24 hours. The same key with
 * another body, or while the first request still runs, is a 409. A secret in the first
 * answer (a new key or token) is shown once: the stored copy, and so a replay, has it
 * redacted, and nothing secret rests in the table.
 */
export const idempotency = {
  async reserve(db: Db, input: { principalId: string; key: string; method: string; path: string; body: string }): Promise<Reservation> {
    if (!KEY_PATTERN.test(input.key)) {
      throw new TollgateError('invalid_params', { invalidParams: [{ name: 'Idempotency-Key', reason: 'must be 1-255 visible ASCII characters' }] });
    }
    const requestHash = createHash('sha256').update(`${input.method} ${input.path}\n${input.body}`).digest('hex');
    const where = { principalId_key: { principalId: input.principalId, key: input.key } };
    // Answers older than a day are dropped as keys come in (indexed by expiresAt), so the table stays small.
    await db.idempotencyKey.deleteMany({ where: { expiresAt: { lte: new Date() } } });
    const created = await db.idempotencyKey
      .create({ data: { principalId: input.principalId, key: input.key, method: input.method, path: input.path, requestHash, expiresAt: new Date(Date.now() + TTL_MS) } })
      .catch((error: { code?: string }) => (error.code === 'P2002' ? null : Promise.reject(error)));
    if (created) return { id: created.id };
    const first = await db.idempotencyKey.findUnique({ where });
    if (!first) throw new TollgateError('conflict', { detail: 'This Idempotency-Key is in use; retry.' });
    if (first.requestHash !== requestHash) {
      throw new TollgateError('conflict', { detail: 'This Idempotency-Key was used with another request.' });
    }
    if (first.status === 0) throw new TollgateError('conflict', { detail: 'A request with this Idempotency-Key is still running.' });
    const headers = new Headers(first.headers as Record<string, string>);
    headers.set('Idempotent-Replayed', 'true');
    return { replay: new Response(first.body || null, { status: first.status, headers }) };
  },

  /** Stores the answer; a 5xx frees the key instead, so the client may retry. */
  async finish(db: Db, id: string, response: Response): Promise<void> {
    if (response.status >= 500) {
      await db.idempotencyKey.delete({ where: { id } });
      return;
    }
    const body = storableBody(await response.clone().text());
    const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== 'x-request-id'));
    await db.idempotencyKey.update({ where: { id }, data: { status: response.status, body, headers } });
  },
};

const SECRET_FIELDS = new Set(['token', 'secret', 'password']);
/** A whole API key (`tg_live_<secret>_<checksum>`), not its display prefix. */
const FULL_KEY = /^tg_(live|test)_[^_]+_[^_]+$/;
const SHOWN_ONCE = '[shown once]';

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([field, item]) => {
      const secret = typeof item === 'string' && (SECRET_FIELDS.has(field) || (field === 'key' && FULL_KEY.test(item)));
      return [field, secret ? SHOWN_ONCE : withoutSecrets(item)];
    }),
  );
}

/** The answer as it may rest in the database: JSON with every secret (a new key, a token) replaced. */
function storableBody(text: string): string {
  if (text === '') return text;
  try {
    return JSON.stringify(withoutSecrets(JSON.parse(text)));
  } catch {
    return text;
  }
}
