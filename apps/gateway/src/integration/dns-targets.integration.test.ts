// A target named by a host name, resolved by a DNS server the test runs: the gateway
// balances over every address it answers, follows a changed answer within its TTL, and
// keeps the last good addresses while the server fails.
import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import * as dnsPacket from 'dns-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { eventually, startTestGateway } from '../testing/test-gateway';

const HOST = 'orders.internal.test';
const TTL_SECONDS = 1;
const t = useTestDatabase();
let dns: Socket;
let upstream: Server;
let gateway: RunningGateway;
/** What the DNS server answers for HOST now; null: SERVFAIL. */
let answer: string[] | null = ['127.0.0.2'];
let queries = 0;
const hosts: string[] = [];
let port = 0;

beforeAll(async () => {
  dns = createSocket('udp4');
  dns.on('message', (message, peer) => {
    const query = dnsPacket.decode(message);
    const question = query.questions?.[0];
    if (question?.name === HOST) queries++;
    const records = question?.name === HOST && question.type === 'A' && answer !== null ? answer.map((address) => ({ type: 'A' as const, name: HOST, ttl: TTL_SECONDS, data: address })) : [];
    const failing = question?.name === HOST && answer === null;
    const response = dnsPacket.encode({ id: query.id, type: 'response', flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (failing ? 2 : 0), questions: query.questions, answers: records });
    dns.send(response, peer.port, peer.address);
  });
  await new Promise<void>((resolve) => dns.bind(0, '127.0.0.1', resolve));
  // One server on every loopback address: it answers with the address it was reached at.
  upstream = createServer((req, res) => {
    hosts.push(req.headers.host ?? '');
    res.end(req.socket.localAddress);
  });
  await new Promise<void>((resolve) => upstream.listen(0, '0.0.0.0', resolve));
  port = (upstream.address() as AddressInfo).port;
  const config = ZConfigFile.parse({
    apis: [{ slug: 'orders', name: 'Orders', basePath: '/orders', status: 'published', upstream: { targets: [{ url: `http://${HOST}:${port}` }] }, routes: [{ path: '/*', auth: 'none' }] }],
  });
  await applyConfig(t.db, config, { baseDir: process.cwd() });
  gateway = await startTestGateway(t.url, {
    GATEWAY_DNS_SERVERS: [`127.0.0.1:${(dns.address() as AddressInfo).port}`],
    GATEWAY_DNS_MIN_TTL_MS: 100,
    GATEWAY_DNS_MAX_TTL_MS: 60_000,
  });
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  upstream?.close();
  dns?.close();
});

async function reached(times: number): Promise<Set<string>> {
  const seen = new Set<string>();
  for (let i = 0; i < times; i++) {
    const response = await fetch(`${gateway.url}/orders/x`);
    expect(response.status).toBe(200);
    seen.add(await response.text());
  }
  return seen;
}

describe('DNS targets', () => {
  it('sends to the address the name resolves to, with the name as Host', async () => {
    await eventually(async () => expect(await reached(3)).toEqual(new Set(['127.0.0.2'])), 10_000);
    expect(hosts.at(-1)).toBe(`${HOST}:${port}`);
  });

  it('follows a changed answer within its TTL and balances over every address', async () => {
    answer = ['127.0.0.3', '127.0.0.4'];
    const tookMs = await eventually(async () => expect(await reached(4)).toEqual(new Set(['127.0.0.3', '127.0.0.4'])), TTL_SECONDS * 1000 + 4_000);
    expect(tookMs).toBeLessThan(TTL_SECONDS * 1000 + 4_000);
  });

  it('keeps the last good addresses while the DNS server fails', async () => {
    answer = null;
    const before = queries;
    // Looked up again (and failed) at least twice...
    await eventually(async () => expect(queries - before).toBeGreaterThanOrEqual(4), 10_000);
    // ...and still served by the addresses it had.
    expect(await reached(6)).toEqual(new Set(['127.0.0.3', '127.0.0.4']));
    answer = ['127.0.0.5'];
    await eventually(async () => expect(await reached(2)).toEqual(new Set(['127.0.0.5'])), TTL_SECONDS * 1000 + 4_000);
  });
});
