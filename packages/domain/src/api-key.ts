// API key format: `tg_<env>_<secret>_<check>`.
//   env     live | test, so a leaked test key is told apart at a glance;
//   secret  base58 of 24 random bytes (192 bits);
//   check   base58 of the first 4 bytes of SHA-256("tg_<env>_<secret>"), 5-6 chars.
// The fixed `tg_` prefix and the checksum let secret scanners recognise a leaked key and
// let the gateway reject a typo without any lookup. Only sha256(key) is ever stored.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import bs58 from 'bs58';

export type KeyEnvironment = 'live' | 'test';

const KEY_PATTERN = /^tg_(live|test)_([1-9A-HJ-NP-Za-km-z]{30,36})_([1-9A-HJ-NP-Za-km-z]{4,6})$/;
const DISPLAY_SECRET_CHARS = 6;

export interface GeneratedApiKey {
  key: string;
  hash: string;
  prefix: string;
  environment: KeyEnvironment;
}

function checksum(body: string): string {
  return bs58.encode(createHash('sha256').update(body).digest().subarray(0, 4));
}

export function generateApiKey(environment: KeyEnvironment = 'live'): GeneratedApiKey {
  const body = `tg_${environment}_${bs58.encode(randomBytes(24))}`;
  const key = `${body}_${checksum(body)}`;
  return { key, hash: hashApiKey(key), prefix: displayPrefix(key), environment };
}

export type ParsedApiKey =
  | { ok: true; environment: KeyEnvironment }
  | { ok: false; reason: 'malformed' | 'bad_checksum' };

/** Checks shape and checksum; needs no lookup. */
export function parseApiKey(candidate: string): ParsedApiKey {
  const match = KEY_PATTERN.exec(candidate);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, environment, secret, check] = match as unknown as [string, KeyEnvironment, string, string];
  const expected = checksum(`tg_${environment}_${secret}`);
  const given = Buffer.from(check);
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
    return { ok: false, reason: 'bad_checksum' };
  }
  return { ok: true, environment };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** What people see to tell keys apart: `tg_live_` and the first secret characters. */
export function displayPrefix(key: string): string {
  const [, environment, secret] = key.split('_');
  return `tg_${environment}_${(secret ?? '').slice(0, DISPLAY_SECRET_CHARS)}`;
}
