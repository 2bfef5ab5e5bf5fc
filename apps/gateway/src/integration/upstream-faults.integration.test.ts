// An upstream that misbehaves at the TCP level: it hangs before answering, stalls or
// resets in the middle of a body, breaks HTTP framing, or sends headers no parser
// accepts. Each time the gateway answers within the route's timeout (504 / 502
// problem+json while nothing was sent, a cut connection once the head went out), lets go
// of the upstream's socket and of its pool slot, and records the usage event with the
// status of the failure, never billed.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, createApiKey } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { startRawUpstream, type RawUpstream } from '../testing/raw-upstream';
import { eventually, startTestGateway } from '../testing/test-gateway';

const t = useTestDatabase();
const TIMEOUT_MS = 800;
let upstream: RawUpstream;
let gateway: RunningGateway;
let key: string;

const head = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`;
const partial = head(['HTTP/1.1 200 OK', 'Content-Type: text/plain', 'Content-Length: 100']) + '0123456789';

/** What the upstream does, by the last path segment. */
const faults: Record<string, (socket: Socket) => void> = {
  ok: (socket) => socket.end(head(['HTTP/1.1 200 OK', 'Content-Length: 2', 'Connection: close']) + 'ok'),
  hang: () => {},
  'stall-body': (socket) => socket.write(partial),
  'reset-mid-body': (socket) => {
    socket.write(partial);
    setTimeout(() => socket.resetAndDestroy(), 50);
  },
  'short-body': (socket) => socket.end(partial),
  'bad-chunked': (socket) => socket.write(head(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked']) + '5\r\nhello\r\nzz-not-hex\r\n'),
  'garbage-status': (socket) => socket.write('SSH-2.0-OpenSSH_9.6 what is http\r\n\r\n'),
  'huge-headers': (socket) => socket.write(head(['HTTP/1.1 200 OK', `X-Big: ${'a'.repeat(64 * 1024)}`, 'Content-Length: 0'])),
};

beforeAll(async () => {
  upstream = await startRawUpstream((socket, path) => faults[path.split('/').pop() ?? '']?.(socket));
  const config = ZConfigFile.parse({
    apis: [
      {
        slug: 'faulty',
        name: 'Faulty',
        basePath: '/faulty',
        status: 'published',
        // One attempt per request, and no ejection or breaker: each case meets the fault itself.
        upstream: {
          targets: [{ url: upstream.url }],
          retries: { attempts: 0 },
          passive: { consecutiveFailures: 1_000, ejectMs: 1_000 },
          breaker: { consecutiveFailures: 10_000, openMs: 1_000 },
        },
        routes: [{ path: '/{mode}', methods: ['GET'], timeoutMs: TIMEOUT_MS }],
      },
    ],
    plans: [{ slug: 'pro', name: 'Pro', apis: ['faulty'] }],
    teams: [{ slug: 'acme', name: 'Acme', apps: [{ slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'faulty', plan: 'pro' }] }] }],
  });
  await applyConfig(t.db, config, { baseDir: process.cwd() });
  key = (await createApiKey(t.db, { appSlug: 'acme-app' })).key;
  gateway = await startTestGateway(t.url, { GATEWAY_USAGE_FLUSH_MS: 100 });
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

interface Outcome {
  requestId: string;
  status: number;
  contentType: string | null;
  body: string;
  /** The body arrived whole. */
  complete: boolean;
  ms: number;
}

async function call(mode: string): Promise<Outcome> {
  const requestId = `fault-${mode}-${randomUUID()}`;
  const started = Date.now();
  const outcome: Outcome = { requestId, status: 0, contentType: null, body: '', complete: false, ms: 0 };
  try {
    const response = await fetch(`${gateway.url}/faulty/${mode}`, { headers: { 'x-api-key': key, 'x-request-id': requestId }, signal: AbortSignal.timeout(15_000) });
    outcome.status = response.status;
    outcome.contentType = response.headers.get('content-type');
    outcome.body = await response.text();
    outcome.complete = true;
  } catch {
    // The connection was cut: before the head (no status) or in the body.
  }
  outcome.ms = Date.now() - started;
  return outcome;
}

async function recorded(requestId: string): Promise<{ status: number; units: number; outcome: string }> {
  let row: { status: number; units: number; outcome: string } | null = null;
  await eventually(async () => {
    row = await t.db.requestLog.findFirst({ where: { id: requestId }, select: { status: true, units: true, outcome: true } });
    expect(row).not.toBeNull();
  }, 10_000);
  return row!;
}

async function metric(pattern: RegExp): Promise<number> {
  const text = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
  return Number(pattern.exec(text)?.[1] ?? Number.NaN);
}

/** The upstream holds no socket from the gateway, and the gateway's pool holds no connection or slot for it. */
async function expectReleased(): Promise<void> {
  const target = upstream.url.replace(/[.]/g, '\\.');
  await eventually(async () => {
    expect(upstream.openSockets).toBe(0);
    expect(await metric(new RegExp(`^tollgate_gateway_upstream_connections\\{upstream="faulty",target="${target}",state="open"\\} (\\S+)$`, 'm'))).toBe(0);
    expect(await metric(new RegExp(`^tollgate_gateway_upstream_connections\\{upstream="faulty",target="${target}",state="in_use"\\} (\\S+)$`, 'm'))).toBe(0);
  }, 5_000);
}

/** Well inside a test's bounds, and far below the 30 s the gateway would wait without the route's timeout. */
const WITHIN_MS = TIMEOUT_MS + 4_000;

describe('an upstream that misbehaves', () => {
  it('a sane answer goes through and is billed (the baseline the faults are measured against)', async () => {
    const outcome = await call('ok');
    expect(outcome).toMatchObject({ status: 200, body: 'ok', complete: true });
    expect(await recorded(outcome.requestId)).toEqual({ status: 200, units: 1, outcome: 'success' });
    await expectReleased();
  });

  it.each([
    ['hang', 504, 'upstream_timeout'],
    ['garbage-status', 502, 'upstream_failed'],
    ['huge-headers', 502, 'upstream_failed'],
  ])('%s: answered %i problem+json within the route timeout, socket released, usage recorded unbilled', async (mode, status, code) => {
    const outcome = await call(mode);
    expect(outcome.status).toBe(status);
    expect(outcome.contentType).toBe('application/problem+json');
    expect(JSON.parse(outcome.body)).toMatchObject({ status, code, requestId: outcome.requestId });
    expect(outcome.body).not.toContain('127.0.0.1');
    expect(outcome.ms).toBeLessThan(WITHIN_MS);
    expect(await recorded(outcome.requestId)).toEqual({ status, units: 0, outcome: 'serverError' });
    await expectReleased();
  });

  it.each([
    ['stall-body', 504],
    ['reset-mid-body', 502],
    ['short-body', 502],
    ['bad-chunked', 502],
  ])('%s: the client connection is cut within the route timeout, socket released, usage recorded as %i unbilled', async (mode, status) => {
    const outcome = await call(mode);
    // The head may have reached the client before the body failed; the body never completes.
    expect(outcome.complete).toBe(false);
    expect(outcome.ms).toBeLessThan(WITHIN_MS);
    expect(await recorded(outcome.requestId)).toEqual({ status, units: 0, outcome: 'serverError' });
    await expectReleased();
  });

  it('counts the failures by status in /metrics', async () => {
    expect(await metric(/^tollgate_gateway_requests_total\{api="faulty",route="GET \/\{mode\}",status="504"\} (\S+)$/m)).toBe(2);
    expect(await metric(/^tollgate_gateway_requests_total\{api="faulty",route="GET \/\{mode\}",status="502"\} (\S+)$/m)).toBe(5);
  });
});
