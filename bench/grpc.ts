// What a gRPC-transcoded route costs the gateway beside a plain proxied call, side by side
// in one run on one gateway: GET /plain/items/42 (proxied to the HTTP bench upstream) and
// GET /grpc/items/42 (transcoded to GetItem on a grpc-js server in this process, answering
// the same item). Both routes are keyless, so the only difference is the backend. Prints
// CPU µs per request of the gateway process and the ratio to the proxied call.
//
//   npx tsx bench/grpc.ts [--rounds 3] [--seconds 4]
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, createDb } from '@tollgate/db';
import protobuf from 'protobufjs';
import { HAS_WRK } from './lib/load';
import { closedRounds } from './lib/measure';
import { sideBySideOptions } from './lib/options';
import { prepareTollgate, startTollgate, type RunningTollgate } from './lib/tollgate';
import { LOAD_CPU, nodeServer, PROXY_CPU, type Variant } from './lib/variants';

const options = sideBySideOptions(HAS_WRK);

const PROTO = `syntax = "proto3";
package bench.v1;
message GetItemRequest { int32 id = 1; }
message Item { int32 id = 1; string name = 2; double price = 3; string currency = 4; repeated string tags = 5; bool in_stock = 6; }
service Items { rpc GetItem(GetItemRequest) returns (Item); }
`;

const definition = protoLoader.fromJSON(protobuf.parse(PROTO, { keepCase: true }).root.toJSON(), { keepCase: true });
const server = new grpc.Server();
server.addService(definition['bench.v1.Items'] as grpc.ServiceDefinition, {
  GetItem(call: grpc.ServerUnaryCall<{ id: number }, unknown>, callback: grpc.sendUnaryData<unknown>) {
    callback(null, { id: call.request.id, name: 'widget', price: 9.99, currency: 'EUR', tags: ['blue', 'small'], in_stock: true });
  },
});
const grpcPort = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port))));

const upstream = await nodeServer('upstream', 'upstream.ts', [], LOAD_CPU);
const upstreamUrl = `http://127.0.0.1:${upstream.match[1]}`;
const setup = await prepareTollgate(upstreamUrl);
const db = createDb(setup.databaseUrl, { max: 1 });
const api = (slug: string, url: string, backend?: Record<string, unknown>) => ({
  slug,
  name: slug,
  basePath: `/${slug}`,
  status: 'published',
  upstream: { targets: [{ url }] },
  routes: [{ path: '/items/{id}', auth: 'none', ...(backend ? { backend } : {}) }],
});
await applyConfig(
  db,
  ZConfigFile.parse({ apis: [api('plain', upstreamUrl), api('grpc', `http://127.0.0.1:${grpcPort}`, { kind: 'grpc', proto: PROTO, service: 'bench.v1.Items', method: 'GetItem' })] }),
  { baseDir: null },
);
let gateway: RunningTollgate | undefined;
try {
  gateway = await startTollgate(setup, PROXY_CPU, { GATEWAY_ACCESS_LOG: '0', GATEWAY_DISCOVERY: '0' });
  const base = `http://127.0.0.1:${gateway.port}`;
  const check = (await (await fetch(`${base}/grpc/items/42`)).json()) as Record<string, unknown>;
  if (check.id !== 42 || check.name !== 'widget') throw new Error(`the gRPC route did not answer the item: ${JSON.stringify(check)}`);
  const variants: Variant[] = [
    { id: 'tollgate (proxy)', label: 'proxied call', url: `${base}/plain/items/42`, child: gateway.child },
    { id: 'tollgate (grpc)', label: 'transcoded gRPC call', url: `${base}/grpc/items/42`, child: gateway.child },
  ];
  console.log(`/plain/items/42 beside /grpc/items/42: ${options.rounds} rounds of ${options.roundSeconds} s, ${options.tool}, ${options.connections} connections`);
  const results = await closedRounds(variants, options, {}, (line) => console.log(line));
  const baseUs = results[0]!.cpuUs!;
  console.log(`\n| route | req/s | p99 ms | CPU per request (µs, median) | x proxied |\n| --- | ---: | ---: | ---: | ---: |`);
  for (const result of results) console.log(`| ${result.variant.label} | ${Math.round(result.rps)} | ${result.p99Ms.toFixed(2)} | ${result.cpuUs!.toFixed(1)} | ${(result.cpuUs! / baseUs).toFixed(2)} |`);
} finally {
  await gateway?.child.stop();
  await db.$disconnect();
  await upstream.stop();
  server.forceShutdown();
  await setup.dispose();
}
