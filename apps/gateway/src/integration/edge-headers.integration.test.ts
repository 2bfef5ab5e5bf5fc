// Proxy headers the gateway adds for the upstream: Forwarded (RFC 7239), X-Request-Id,
// W3C traceparent / tracestate.
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { rawRequest } from '../testing/raw-request';
import { startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type ReceivedRequest, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_ID = '00f067aa0ba902b7';
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

beforeAll(async () => {
  upstream = await startTestUpstream();
  const config = ZConfigFile.parse({
    apis: [
      {
        slug: 'headers',
        name: 'Headers',
        basePath: '/h',
        status: 'published',
        upstream: { targets: [{ url: upstream.url }] },
        routes: [{ path: '/echo', methods: ['GET'], auth: 'none' }],
      },
    ],
  });
  await applyConfig(t.db, config, { baseDir: process.cwd() });
  gateway = await startTestGateway(t.url);
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

async function seenUpstream(headers: Record<string, string> = {}): Promise<{ received: ReceivedRequest; responseHeaders: Record<string, string | string[] | undefined> }> {
  const response = await rawRequest(gateway.url, '/h/echo', { headers });
  expect(response.status).toBe(200);
  return { received: upstream.received.at(-1)!, responseHeaders: response.headers };
}

describe('Forwarded', () => {
  it('adds an RFC 7239 element for this hop beside X-Forwarded-*', async () => {
    const { received } = await seenUpstream();
    const host = new URL(gateway.url).host;
    expect(received.headers.forwarded).toBe(`for=127.0.0.1;host="${host}";proto=http`);
    expect(received.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(received.headers['x-forwarded-proto']).toBe('http');
    expect(received.headers['x-forwarded-host']).toBe(host);
  });

  it("replaces a Forwarded from a peer that is not a trusted proxy", async () => {
    const { received } = await seenUpstream({ forwarded: 'for=198.51.100.17;proto=https', host: 'api.example.com' });
    expect(received.headers.forwarded).toBe('for=127.0.0.1;host=api.example.com;proto=http');
  });
});

describe('X-Request-Id', () => {
  it('passes a sane one on to the upstream and back to the client', async () => {
    const { received, responseHeaders } = await seenUpstream({ 'x-request-id': 'req-abc-123' });
    expect(received.headers['x-request-id']).toBe('req-abc-123');
    expect(responseHeaders['x-request-id']).toBe('req-abc-123');
  });

  it('creates one when absent or unusable, the same for upstream and client', async () => {
    for (const headers of [{}, { 'x-request-id': 'has spaces in it' }] as Record<string, string>[]) {
      const { received, responseHeaders } = await seenUpstream(headers);
      expect(received.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(responseHeaders['x-request-id']).toBe(received.headers['x-request-id']);
    }
  });
});

describe('traceparent', () => {
  it('keeps the trace id and flags, sets a new parent span id, passes tracestate', async () => {
    const { received } = await seenUpstream({ traceparent: `00-${TRACE_ID}-${PARENT_ID}-01`, tracestate: 'vendor=abc,other=1' });
    const [, traceId, parentId, flags] = TRACEPARENT.exec(String(received.headers.traceparent))!;
    expect(traceId).toBe(TRACE_ID);
    expect(parentId).not.toBe(PARENT_ID);
    expect(parentId).not.toBe('0'.repeat(16));
    expect(flags).toBe('01');
    expect(received.headers.tracestate).toBe('vendor=abc,other=1');
  });

  it('gives every hop its own span id', async () => {
    const first = await seenUpstream({ traceparent: `00-${TRACE_ID}-${PARENT_ID}-00` });
    const second = await seenUpstream({ traceparent: `00-${TRACE_ID}-${PARENT_ID}-00` });
    expect(first.received.headers.traceparent).not.toBe(second.received.headers.traceparent);
    expect(String(first.received.headers.traceparent).endsWith('-00')).toBe(true);
  });

  it('starts a new trace when absent, not marked sampled: without tracing the gateway records nothing of it', async () => {
    const first = await seenUpstream();
    const second = await seenUpstream();
    expect(first.received.headers.traceparent).toMatch(TRACEPARENT);
    expect(TRACEPARENT.exec(String(first.received.headers.traceparent))![1]).not.toBe(TRACEPARENT.exec(String(second.received.headers.traceparent))![1]);
    expect(TRACEPARENT.exec(String(first.received.headers.traceparent))![3]).toBe('00');
  });

  it.each([
    ['garbage', 'not-a-traceparent'],
    ['upper-case hex', `00-${TRACE_ID.toUpperCase()}-${PARENT_ID}-01`],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-${PARENT_ID}-01`],
    ['an all-zero parent id', `00-${TRACE_ID}-${'0'.repeat(16)}-01`],
    ['version ff', `ff-${TRACE_ID}-${PARENT_ID}-01`],
    ['extra fields on version 00', `00-${TRACE_ID}-${PARENT_ID}-01-extra`],
  ])('replaces one with %s and drops its tracestate', async (_name, traceparent) => {
    const { received } = await seenUpstream({ traceparent, tracestate: 'vendor=abc' });
    const match = TRACEPARENT.exec(String(received.headers.traceparent));
    expect(match).not.toBeNull();
    expect(match![1]).not.toBe(TRACE_ID);
    // The caller's sampled flag belonged to a trace that is not continued.
    expect(match![3]).toBe('00');
    expect(received.headers.tracestate).toBeUndefined();
  });

  it('accepts a future version with extra fields and speaks version 00 onwards', async () => {
    const { received } = await seenUpstream({ traceparent: `01-${TRACE_ID}-${PARENT_ID}-01-more` });
    expect(String(received.headers.traceparent)).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));
  });
});
