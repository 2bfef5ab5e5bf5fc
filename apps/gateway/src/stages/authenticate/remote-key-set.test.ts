import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RemoteKeySet } from './remote-key-set';

let server: Server;
let url: URL;
let hits = 0;
let mode: 'ok' | 'fail' | 'redirect' | 'huge' = 'ok';
let keys: JWK[] = [];
let clock = 1_000_000;
const now = () => clock;

beforeAll(async () => {
  const jwk = async (kid: string) => ({ ...(await exportJWK((await generateKeyPair('ES256')).publicKey)), kid, alg: 'ES256' });
  keys = [await jwk('a'), await jwk('b')];
  server = createServer((_req, res) => {
    hits++;
    if (mode === 'fail') return res.writeHead(500).end();
    if (mode === 'redirect') return res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
    const body = mode === 'huge' ? JSON.stringify({ keys: [], pad: 'x'.repeat(600_000) }) : JSON.stringify({ keys: published });
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`);
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

let published: JWK[] = [];
beforeEach(() => {
  hits = 0;
  mode = 'ok';
  published = [keys[0]!];
});

const set = () => new RemoteKeySet(url, { cooldownMs: 1_000, maxAgeMs: 60_000, timeoutMs: 2_000, now });
const token = { payload: '', signature: '' };
const lookup = async (keySet: RemoteKeySet, kid: string): Promise<unknown> => keySet.getKey({ alg: 'ES256', kid }, token);
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: { code?: string; message: string }) => error.code ?? error.message,
  );

describe('RemoteKeySet', () => {
  it('fetches once for concurrent first uses', async () => {
    const keySet = set();
    expect(await Promise.all(Array.from({ length: 10 }, () => outcome(lookup(keySet, 'a'))))).toEqual(Array(10).fill('ok'));
    expect(hits).toBe(1);
  });

  it('refetches for an unknown kid at most once per cooldown, and then finds a rotated key', async () => {
    const keySet = set();
    await lookup(keySet, 'a');
    expect(await outcome(lookup(keySet, 'b'))).toBe('ERR_JWKS_NO_MATCHING_KEY');
    expect(hits).toBe(1);
    published = [keys[0]!, keys[1]!];
    clock += 1_000;
    expect(await outcome(lookup(keySet, 'b'))).toBe('ok');
    expect(hits).toBe(2);
    expect(await outcome(lookup(keySet, 'zzz'))).toBe('ERR_JWKS_NO_MATCHING_KEY');
    expect(hits).toBe(2);
  });

  it('keeps serving the last good set when a refresh fails, without retrying inside the cooldown', async () => {
    const keySet = set();
    await lookup(keySet, 'a');
    mode = 'fail';
    clock += 61_000;
    expect(await outcome(lookup(keySet, 'a'))).toBe('ok');
    expect(hits).toBe(2);
    for (let i = 0; i < 5; i++) expect(await outcome(lookup(keySet, 'a'))).toBe('ok');
    // An unknown kid while the issuer is down is the issuer's fault, not the caller's.
    expect(await outcome(lookup(keySet, 'new-kid'))).toMatch(/unavailable/);
    expect(hits).toBe(2);
    mode = 'ok';
    published = [keys[0]!, keys[1]!];
    clock += 1_000;
    expect(await outcome(lookup(keySet, 'b'))).toBe('ok');
    expect(hits).toBe(3);
  });

  it('with no set at all, fails as unavailable and tries again only after the cooldown', async () => {
    mode = 'fail';
    const keySet = set();
    expect(await outcome(lookup(keySet, 'a'))).toMatch(/unavailable/);
    expect(await outcome(lookup(keySet, 'a'))).toMatch(/unavailable/);
    expect(hits).toBe(1);
    mode = 'ok';
    clock += 1_000;
    expect(await outcome(lookup(keySet, 'a'))).toBe('ok');
    expect(hits).toBe(2);
  });

  it.each(['redirect', 'huge'] as const)('refuses a %s answer', async (answer) => {
    mode = answer;
    expect(await outcome(lookup(set(), 'a'))).toMatch(/unavailable/);
    expect(hits).toBe(1);
  });
});
