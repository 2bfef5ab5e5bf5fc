// Every request leaves one info line with its request id and trace id; no line ever holds the key.
import { Writable } from 'node:stream';
import { useTestDatabase } from '@tollgate/db/testing';
import type { DestinationStream } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { parseGatewayEnv } from '../env';
import type { RunningGateway } from '../start-gateway';
import { applyTestConfig, eventually, startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;
let key: string;
const lines: Record<string, unknown>[] = [];
let raw = '';

beforeAll(async () => {
  upstream = await startTestUpstream();
  ({ key } = await applyTestConfig(t.db, upstream.url));
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw += chunk.toString();
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  gateway = await startTestGateway(t.url, { LOG_LEVEL: 'info' }, { logDestination: sink });
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const requestLines = () => lines.filter((line) => line.msg === 'request');

describe('access log', () => {
  it('writes one info line per request, with its request id, and never the key', async () => {
    const before = requestLines().length;
    const ok = await fetch(`${gateway.url}/weather/forecast/paris`, { headers: { authorization: `Bearer ${key}`, 'x-request-id': 'req-access-1', traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` } });
    // The key with its last checksum character changed (to another one: a key may end in "x" already).
    const broken = `${key.slice(0, -1)}${key.endsWith('x') ? 'y' : 'x'}`;
    const denied = await fetch(`${gateway.url}/weather/query/1?api_key=${key}&x=1`, { headers: { 'x-api-key': broken } });
    const missing = await fetch(`${gateway.url}/nowhere`);
    expect([ok.status, denied.status, missing.status]).toEqual([200, 401, 404]);
    await eventually(async () => expect(requestLines().length - before).toBe(3), 2_000);
    const [first, second, third] = requestLines().slice(before);
    expect(first).toMatchObject({ level: 30, requestId: 'req-access-1', traceId: TRACE_ID, method: 'GET', path: '/weather/forecast/paris', api: 'weather', route: 'GET /forecast/{city}', app: 'acme-app', status: 200 });
    expect(second).toMatchObject({ requestId: denied.headers.get('x-request-id'), path: '/weather/query/1', status: 401 });
    expect(third).toMatchObject({ requestId: missing.headers.get('x-request-id'), status: 404 });
    // A trace the gateway started for a caller without one is named too.
    expect(third!.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(third!.traceId).not.toBe(TRACE_ID);
    expect(raw).not.toContain(key);
    expect(raw).not.toContain(key.slice(0, -1));
  });
});

describe('createLogger', () => {
  it('redacts credentials wherever a log call carries them', () => {
    let out = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        out += chunk.toString();
        done();
      },
    });
    const log = createLogger(parseGatewayEnv({ LOG_LEVEL: 'info' }), sink as unknown as DestinationStream);
    log.info({ req: { headers: { authorization: 'Bearer s1', 'x-api-key': 's2', cookie: 's3' } }, headers: { 'proxy-authorization': 's4' } }, 'in');
    log.info({ upstream: { headers: { authorization: 's5' } }, key: 's6', query: 'api_key=s7' }, 'out');
    expect(out).not.toMatch(/s[1-7]/);
    expect(out.match(/\[redacted\]/g)).toHaveLength(7);
  });
});
