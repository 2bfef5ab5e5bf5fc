// OpenTelemetry: with OTEL_EXPORTER_OTLP_ENDPOINT set, each request becomes one SERVER span
// under the caller's traceparent, exported over OTLP/HTTP to a real collector (a server on
// port 0 here); the upstream sees the gateway's span as its parent, with the caller's flags;
// the access log names the trace; spans still batched leave on shutdown.
import { Writable } from 'node:stream';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../testing/otlp-receiver';
import { applyTestConfig, startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type ReceivedRequest, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let collector: OtlpReceiver;
let gateway: RunningGateway;
let key: string;
const lines: Record<string, unknown>[] = [];

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_ID = '00f067aa0ba902b7';
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

function logSink(): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
}

beforeAll(async () => {
  upstream = await startTestUpstream();
  collector = await startOtlpReceiver();
  ({ key } = await applyTestConfig(t.db, upstream.url));
  gateway = await startTestGateway(
    t.url,
    { LOG_LEVEL: 'info', OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_SERVICE_NAME: 'gateway-under-test', OTEL_BSP_SCHEDULE_DELAY: 50 },
    { logDestination: logSink() },
  );
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
  await collector?.close();
});

/** Calls the gateway; the echo upstream answers with the request it received. */
async function call(path: string, headers: Record<string, string> = {}): Promise<{ status: number; requestId: string; seen: ReceivedRequest | null }> {
  const response = await fetch(`${gateway.url}${path}`, { headers: { authorization: `Bearer ${key}`, ...headers } });
  const seen = response.headers.get('x-upstream') === 'echo' ? ((await response.json()) as ReceivedRequest) : (await response.body?.cancel(), null);
  return { status: response.status, requestId: response.headers.get('x-request-id') ?? '', seen };
}

async function spanOf(requestId: string): Promise<ReceivedSpan> {
  await expect.poll(() => collector.spans.some((span) => span.attributes['tollgate.request_id'] === requestId), { timeout: 15_000 }).toBe(true);
  return collector.spans.find((span) => span.attributes['tollgate.request_id'] === requestId)!;
}

async function accessLineOf(requestId: string): Promise<Record<string, unknown>> {
  await expect.poll(() => lines.some((line) => line.msg === 'request' && line.requestId === requestId), { timeout: 5_000 }).toBe(true);
  return lines.find((line) => line.msg === 'request' && line.requestId === requestId)!;
}

describe('a span per request over OTLP', () => {
  it("exports the request's span under the caller's sampled traceparent, with route, API, app, status and upstream timing", async () => {
    const { status, seen } = await call('/weather/forecast/paris', { traceparent: `00-${TRACE_ID}-${PARENT_ID}-01`, tracestate: 'vendor=abc', 'x-request-id': 'trace-sampled-1' });
    expect(status).toBe(200);
    const span = await spanOf('trace-sampled-1');
    expect(span).toMatchObject({ traceId: TRACE_ID, parentSpanId: PARENT_ID, name: 'GET /weather/forecast/{city}', kind: 2, statusCode: 0 });
    expect(span.resource['service.name']).toBe('gateway-under-test');
    expect(span.attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.route': '/weather/forecast/{city}',
      'http.response.status_code': 200,
      'url.path': '/weather/forecast/paris',
      'tollgate.api': 'weather',
      'tollgate.route': 'GET /forecast/{city}',
      'tollgate.app': 'acme-app',
      'tollgate.upstream.target': upstream.url,
      'tollgate.upstream.attempts': 1,
    });
    expect(span.attributes['tollgate.app.id']).toEqual(expect.any(String));
    const connect = span.attributes['tollgate.upstream.connect_ms'] as number;
    const ttfb = span.attributes['tollgate.upstream.ttfb_ms'] as number;
    const total = span.attributes['tollgate.upstream.total_ms'] as number;
    expect(0 <= connect && connect <= ttfb && ttfb <= total).toBe(true);
    // The upstream's parent is the gateway's span, in the caller's trace, still sampled.
    expect(seen!.headers.traceparent).toBe(`00-${TRACE_ID}-${span.spanId}-01`);
    expect(seen!.headers.tracestate).toBe('vendor=abc');
    expect(await accessLineOf('trace-sampled-1')).toMatchObject({ traceId: TRACE_ID, status: 200 });
  });

  it("keeps an unsampled caller's flags and records nothing of its trace", async () => {
    const unsampledTrace = 'a'.repeat(32);
    const { status, seen } = await call('/weather/forecast/oslo', { traceparent: `00-${unsampledTrace}-${PARENT_ID}-00`, 'x-request-id': 'trace-unsampled-1' });
    expect(status).toBe(200);
    const [, traceId, parentId, flags] = TRACEPARENT.exec(String(seen!.headers.traceparent))!;
    expect([traceId, flags]).toEqual([unsampledTrace, '00']);
    expect(parentId).not.toBe(PARENT_ID);
    expect(await accessLineOf('trace-unsampled-1')).toMatchObject({ traceId: unsampledTrace });
    // A sampled request sent after it is exported: the unsampled one, had it been recorded, was ended before it.
    await call('/weather/forecast/rome', { traceparent: `00-${TRACE_ID}-${PARENT_ID}-01`, 'x-request-id': 'trace-after-unsampled' });
    await spanOf('trace-after-unsampled');
    expect(collector.spans.filter((span) => span.traceId === unsampledTrace)).toEqual([]);
  });

  it('starts a sampled trace of its own for a caller without one (the sampler decides), and names it in the access log', async () => {
    const { seen } = await call('/weather/forecast/lima', { 'x-request-id': 'trace-root-1' });
    const span = await spanOf('trace-root-1');
    expect(span.parentSpanId).toBe('');
    expect(seen!.headers.traceparent).toBe(`00-${span.traceId}-${span.spanId}-01`);
    expect(await accessLineOf('trace-root-1')).toMatchObject({ traceId: span.traceId });
  });

  it("spans requests the gateway answers itself, with the problem's code", async () => {
    const { status } = await call('/nowhere/at/all', { 'x-request-id': 'trace-404-1' });
    expect(status).toBe(404);
    const span = await spanOf('trace-404-1');
    expect(span.name).toBe('GET');
    expect(span.attributes).toMatchObject({ 'http.response.status_code': 404, 'url.path': '/nowhere/at/all' });
    expect(span.attributes['tollgate.problem']).toEqual(expect.any(String));
    expect(span.attributes).not.toHaveProperty('tollgate.upstream.target');
  });
});

describe('shutdown', () => {
  it('exports the spans still batched when the gateway closes', async () => {
    const own = await startOtlpReceiver();
    const late = await startTestGateway(t.url, { OTEL_EXPORTER_OTLP_ENDPOINT: own.url, OTEL_BSP_SCHEDULE_DELAY: 600_000 });
    try {
      const response = await fetch(`${late.url}/weather/forecast/paris`, { headers: { authorization: `Bearer ${key}`, 'x-request-id': 'trace-shutdown-1' } });
      expect(response.status).toBe(200);
      await response.body?.cancel();
      await late.close();
      expect(own.spans.map((span) => span.attributes['tollgate.request_id'])).toContain('trace-shutdown-1');
    } finally {
      await late.close();
      await own.close();
    }
  });
});
