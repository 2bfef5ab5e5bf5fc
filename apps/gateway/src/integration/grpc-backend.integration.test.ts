// JSON routes transcoded to a real gRPC server (grpc-js, HTTP/2, insecure on port 0):
// path parameters and query into the request message, a JSON body into it, gRPC
// statuses as HTTP problems, the route's timeout as the call's deadline, and a .proto
// that does not parse or lacks its method refused at apply.
import { mkdtemp, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { startTestGateway } from '../testing/test-gateway';

const PROTO = `syntax = "proto3";
package weather.v1;

message Filter { int32 min_temperature = 1; }
message GetForecastRequest { string city = 1; int32 days = 2; string units = 3; Filter filter = 4; repeated string tags = 5; }
message Forecast { string city = 1; int32 days = 2; string units = 3; int64 temperature = 4; repeated string tags = 5; int32 min_temperature = 6; }
message Report { string text = 1; int32 rating = 2; }
message CreateReportRequest { string city = 1; Report report = 2; }
message ReportReceipt { string id = 1; string city = 2; Report report = 3; }

service Forecasts {
  rpc GetForecast(GetForecastRequest) returns (Forecast);
  rpc CreateReport(CreateReportRequest) returns (ReportReceipt);
  rpc Watch(GetForecastRequest) returns (stream Forecast);
}
`;

const t = useTestDatabase();
let server: grpc.Server;
/** A TCP relay in front of the gRPC server: the gateway's connections to it are counted. */
let relay: net.Server;
const relayed = new Set<net.Socket>();
let port: number;
let gateway: RunningGateway;
let dir: string;
/** Calls the server saw cancelled (the gateway's deadline or the client leaving reached it). */
const cancelled: string[] = [];
/** Slow calls the server has received. */
const received: string[] = [];
/** The metadata of the last call the server answered. */
let lastMetadata: Record<string, unknown> = {};

type Call<T> = grpc.ServerUnaryCall<T, unknown>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tollgate-grpc-'));
  await writeFile(path.join(dir, 'weather.proto'), PROTO);
  const loaded = grpc.loadPackageDefinition(protoLoader.loadSync(path.join(dir, 'weather.proto'), { keepCase: true })) as unknown as { weather: { v1: { Forecasts: { service: grpc.ServiceDefinition } } } };
  server = new grpc.Server();
  server.addService(loaded.weather.v1.Forecasts.service, {
    GetForecast(call: Call<{ city: string; days: number; units: string; filter: { min_temperature: number } | null; tags: string[] }>, callback: grpc.sendUnaryData<unknown>) {
      const { city, days, units, filter, tags } = call.request;
      lastMetadata = call.metadata.getMap();
      if (city === 'Atlantis') return callback({ code: grpc.status.NOT_FOUND, details: 'no such city: Atlantis' });
      if (city.startsWith('Slow')) {
        received.push(city);
        call.on('cancelled', () => cancelled.push(city));
        return; // never answers: only the deadline ends the call
      }
      callback(null, { city, days, units, temperature: '9007199254740993', tags, min_temperature: filter?.min_temperature ?? 0 });
    },
    CreateReport(call: Call<{ city: string; report: { text: string; rating: number } | null }>, callback: grpc.sendUnaryData<unknown>) {
      if (!call.request.report?.rating) return callback({ code: grpc.status.INVALID_ARGUMENT, details: 'rating is required' });
      callback(null, { id: 'r-1', city: call.request.city, report: call.request.report });
    },
  });
  port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))));
  relay = net.createServer((socket) => {
    relayed.add(socket);
    const upstream = net.connect(port, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    const end = () => {
      relayed.delete(socket);
      socket.destroy();
      upstream.destroy();
    };
    socket.once('close', end);
    upstream.once('close', end);
    socket.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const relayPort = (relay.address() as net.AddressInfo).port;
  // The .proto is named by a path relative to the config file's folder and stored as its text.
  const config = ZConfigFile.parse({
      apis: [
        {
          slug: 'weather',
          name: 'Weather',
          basePath: '/weather',
          status: 'published',
          upstream: { targets: [{ url: `http://127.0.0.1:${relayPort}` }] },
          routes: [
            {
              path: '/forecast/{city}',
              methods: ['GET'],
              auth: 'none',
              timeoutMs: 500,
              requestHeaders: { set: { 'x-source': 'tollgate' }, remove: ['x-internal'] },
              backend: { kind: 'grpc', proto: 'weather.proto', service: 'weather.v1.Forecasts', method: 'GetForecast' },
            },
            { path: '/patient/{city}', methods: ['GET'], auth: 'none', timeoutMs: 60_000, backend: { kind: 'grpc', proto: 'weather.proto', service: 'weather.v1.Forecasts', method: 'GetForecast' } },
            { path: '/cities/{city}/reports', methods: ['POST'], auth: 'none', backend: { kind: 'grpc', proto: 'weather.proto', service: 'weather.v1.Forecasts', method: 'CreateReport', body: 'report' } },
          ],
        },
      ],
  });
  await applyConfig(t.db, config, { baseDir: dir });
  gateway = await startTestGateway(t.url);
});

afterAll(async () => {
  await gateway?.close();
  server?.forceShutdown();
  relay?.close();
});

async function call(url: string, init: RequestInit = {}) {
  const response = await fetch(`${gateway.url}${url}`, init);
  return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Record<string, unknown> };
}

describe('gRPC backend', () => {
  it('stores the .proto text the config file names', async () => {
    const route = await t.db.route.findFirstOrThrow({ where: { path: '/forecast/{city}' } });
    expect((route.policies as { backend: { proto: string } }).backend.proto).toBe(PROTO);
  });

  it('transcodes a GET: path parameter and query (dotted into a nested message, repeated) into the request, the answer as JSON', async () => {
    const answer = await call('/weather/forecast/Oslo?days=3&units=metric&filter.min_temperature=-5&tags=a&tags=b');
    expect(answer).toMatchObject({ status: 200, type: 'application/json; charset=utf-8' });
    expect(answer.body).toEqual({ city: 'Oslo', days: 3, units: 'metric', temperature: '9007199254740993', tags: ['a', 'b'], min_temperature: -5 });
  });

  it('sends the request headers a proxied upstream would get as the call metadata, less what the gRPC transport owns', async () => {
    const response = await fetch(`${gateway.url}/weather/forecast/Oslo`, {
      headers: { 'x-tenant': 'blue', 'x-internal': 'secret', 'x-api-key': 'tg_not_for_upstreams', 'grpc-timeout': '1n', 'x-request-id': 'req-grpc-1', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
    });
    expect(response.status).toBe(200);
    expect(lastMetadata).toMatchObject({ 'x-tenant': 'blue', 'x-source': 'tollgate', 'x-request-id': 'req-grpc-1', 'x-forwarded-for': '127.0.0.1', via: '1.1 tollgate' });
    expect(String(lastMetadata.traceparent)).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-0[01]$/);
    for (const withheld of ['x-internal', 'x-api-key', 'grpc-timeout', 'accept-encoding']) expect(lastMetadata).not.toHaveProperty(withheld);
  });

  it('refuses a query parameter that is not a field of the request', async () => {
    const answer = await call('/weather/forecast/Oslo?colour=red');
    expect(answer).toMatchObject({ status: 400, type: 'application/problem+json' });
    expect(answer.body.invalid_params).toEqual([{ name: 'colour', reason: 'not a field of weather.v1.GetForecastRequest' }]);
  });

  it('transcodes a POST: the JSON body into its named field, the path parameter beside it', async () => {
    const answer = await call('/weather/cities/Bergen/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'rain', rating: 4 }) });
    expect(answer).toMatchObject({ status: 200, body: { id: 'r-1', city: 'Bergen', report: { text: 'rain', rating: 4 } } });
  });

  it('refuses a body of the wrong shape with 400, before any call', async () => {
    const answer = await call('/weather/cities/Bergen/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '"just text"' });
    expect(answer).toMatchObject({ status: 400, type: 'application/problem+json', body: { code: 'bad_request' } });
    expect(answer.body.detail).toContain('weather.v1.CreateReportRequest');
  });

  it.each([
    ['NOT_FOUND', '/weather/forecast/Atlantis', {}, 404, 5, 'no such city: Atlantis'],
    ['INVALID_ARGUMENT', '/weather/cities/Bergen/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"rain"}' }, 400, 3, 'rating is required'],
  ] as const)('answers %s as problem+json with its HTTP status, gRPC status and message', async (name, url, init, status, grpcStatus, message) => {
    const answer = await call(url, init);
    expect(answer).toMatchObject({ status, type: 'application/problem+json' });
    expect(answer.body).toMatchObject({ status, grpcStatus, grpcCode: name, grpcMessage: message });
    expect(answer.body.detail).toContain(message);
  });

  it("ends a call past the route's timeout with 504 DEADLINE_EXCEEDED, and the server sees it cancelled", async () => {
    const started = Date.now();
    const answer = await call('/weather/forecast/Slow');
    expect(answer).toMatchObject({ status: 504, type: 'application/problem+json' });
    expect(answer.body).toMatchObject({ grpcStatus: 4, grpcCode: 'DEADLINE_EXCEEDED' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    await expect.poll(() => cancelled.includes('Slow'), { timeout: 10_000 }).toBe(true);
  });

  it('cancels the call when the client goes away', async () => {
    const request = http.get(`${gateway.url}/weather/patient/SlowGone`);
    request.on('error', () => {});
    await expect.poll(() => received.includes('SlowGone'), { timeout: 10_000 }).toBe(true);
    request.destroy();
    await expect.poll(() => cancelled.includes('SlowGone'), { timeout: 10_000 }).toBe(true);
  });
});

describe('gRPC backend at apply', () => {
  const apiWith = (backend: Record<string, unknown>, routePath = '/x/{city}') =>
    ZConfigFile.parse({ apis: [{ slug: 'bad-grpc', name: 'Bad', basePath: '/bad', upstream: { targets: [{ url: 'http://127.0.0.1:1' }] }, routes: [{ path: routePath, auth: 'none', backend: { kind: 'grpc', service: 'weather.v1.Forecasts', method: 'GetForecast', ...backend } }] }] });

  it.each([
    ['a .proto that does not parse', { proto: 'syntax = "proto3";\nmessage X { strin' }, 'apis[0].routes[0].backend.proto', /does not parse/],
    ['a service the .proto does not declare', { proto: PROTO, service: 'weather.v1.Nope' }, 'apis[0].routes[0].backend.service', /no service weather\.v1\.Nope/],
    ['a method the service does not have', { proto: PROTO, method: 'Delete' }, 'apis[0].routes[0].backend.method', /has no method Delete/],
    ['a streaming method', { proto: PROTO, method: 'Watch' }, 'apis[0].routes[0].backend.method', /streaming/],
    ['a body field the request does not have', { proto: PROTO, body: 'nope' }, 'apis[0].routes[0].backend.body', /not a field/],
    ['a .proto path sent where files are not read', { proto: 'weather.proto' }, 'apis[0].routes[0].backend.proto', /not a file path/],
  ])('refuses %s, naming the field, and writes nothing', async (_what, backend, name, reason) => {
    const before = await t.db.api.count();
    const error = await applyConfig(t.db, apiWith(backend), { baseDir: null }).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'invalid_params' });
    expect((error as { invalidParams: { name: string; reason: string }[] }).invalidParams).toEqual([{ name, reason: expect.stringMatching(reason) }]);
    expect(await t.db.api.count()).toBe(before);
    expect(await t.db.api.findUnique({ where: { slug: 'bad-grpc' } })).toBeNull();
  });

  it('refuses a path parameter that is not a field of the request', async () => {
    const error = await applyConfig(t.db, apiWith({ proto: PROTO }, '/x/{town}'), { baseDir: null }).catch((thrown: unknown) => thrown);
    expect((error as { invalidParams: unknown }).invalidParams).toEqual([{ name: 'apis[0].routes[0].path', reason: '{town} is not a field of weather.v1.GetForecastRequest' }]);
  });
});

describe('gRPC backend at shutdown', () => {
  it('closes its channel to the target when the gateway stops', async () => {
    expect(relayed.size).toBeGreaterThanOrEqual(1);
    await gateway.close();
    await expect.poll(() => relayed.size, { timeout: 10_000 }).toBe(0);
  });
});
