import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, createApiKey } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { RunningGateway } from '../start-gateway';
import { eventually, startTestGateway } from '../testing/test-gateway';

const t = useTestDatabase();
let server: Server;
let wss: WebSocketServer;
let gateway: RunningGateway;
let key: string;
const upgrades: { url: string; headers: IncomingHttpHeaders }[] = [];
let openSockets = 0;

beforeAll(async () => {
  // A real WebSocket echo server; upgrades to any path but /socket are refused with 404.
  server = createServer((_req, res) => res.end('plain'));
  wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    upgrades.push({ url: req.url ?? '', headers: req.headers });
    if (req.url !== '/socket') {
      socket.end('HTTP/1.1 404 Not Found\r\ncontent-type: text/plain\r\ncontent-length: 9\r\nconnection: close\r\n\r\nno socket');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      openSockets++;
      ws.on('close', () => openSockets--);
      ws.on('message', (data: RawData, isBinary: boolean) => ws.send(data, { binary: isBinary }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const upstreamUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await applyConfig(
    t.db,
    ZConfigFile.parse({
      apis: [
        {
          slug: 'chat',
          name: 'Chat',
          basePath: '/chat',
          status: 'published',
          upstream: { targets: [{ url: upstreamUrl }] },
          routes: [
            { path: '/socket', methods: ['GET'] },
            { path: '/missing', methods: ['GET'], auth: 'none' },
          ],
        },
      ],
      plans: [{ slug: 'free', name: 'Free', apis: ['chat'] }],
      teams: [{ slug: 'acme', name: 'Acme', apps: [{ slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'chat', plan: 'free' }] }] }],
    }),
    { baseDir: process.cwd() },
  );
  ({ key } = await createApiKey(t.db, { appSlug: 'acme-app' }));
  gateway = await startTestGateway(t.url);
});

afterAll(async () => {
  await gateway?.close();
  wss?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

const wsUrl = (path: string) => `${gateway.url.replace(/^http/, 'ws')}${path}`;

function open(path: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(path), { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`status ${res.statusCode}`), { status: res.statusCode })));
  });
}

function next(ws: WebSocket): Promise<{ data: Buffer; binary: boolean }> {
  return new Promise((resolve) => ws.once('message', (data: RawData, binary: boolean) => resolve({ data: data as Buffer, binary })));
}

describe('WebSocket proxying', () => {
  it('echoes text and binary frames through the gateway, with the consumer identity and without the key', async () => {
    const ws = await open('/chat/socket', { authorization: `Bearer ${key}` });
    const text = next(ws);
    ws.send('hello through tollgate');
    expect(await text).toMatchObject({ binary: false });
    expect((await text).data.toString()).toBe('hello through tollgate');

    const payload = Buffer.alloc(1024 * 1024, 7);
    payload.write('start');
    const binary = next(ws);
    ws.send(payload);
    const echoed = await binary;
    expect(echoed.binary).toBe(true);
    expect(echoed.data.equals(payload)).toBe(true);

    const seen = upgrades.at(-1)!;
    expect(seen.url).toBe('/socket');
    expect(seen.headers.upgrade).toBe('websocket');
    expect(seen.headers['x-consumer-id']).toBe('acme-app');
    expect(seen.headers.authorization).toBeUndefined();
    expect(JSON.stringify(seen.headers)).not.toContain(key);
    ws.close();
  });

  it('closes the upstream connection when the client goes away', async () => {
    const ws = await open('/chat/socket', { authorization: `Bearer ${key}` });
    await eventually(async () => expect(openSockets).toBe(1), 5_000);
    ws.terminate();
    await eventually(async () => expect(openSockets).toBe(0), 5_000);
  });

  it('refuses an upgrade without a key (401) before it reaches the upstream', async () => {
    const before = upgrades.length;
    await expect(open('/chat/socket')).rejects.toMatchObject({ status: 401 });
    expect(upgrades.length).toBe(before);
  });

  it('passes through an upstream that refuses the upgrade', async () => {
    await expect(open('/chat/missing')).rejects.toMatchObject({ status: 404 });
    expect(upgrades.at(-1)!.url).toBe('/missing');
  });

  it('serves a request offering another protocol (h2c) as plain HTTP/1.1', async () => {
    const url = new URL(gateway.url);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: '/chat/socket',
          headers: { authorization: `Bearer ${key}`, connection: 'Upgrade, HTTP2-Settings', upgrade: 'h2c', 'http2-settings': 'AAMAAABkAAQAoAAAAAIAAAAA' },
          agent: false,
        },
        (res) => {
          let body = '';
          res.on('data', (part: Buffer) => (body += part.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('upgrade', () => reject(new Error('the gateway switched protocols')));
      req.on('error', reject);
      req.end();
    });
    expect(answer).toEqual({ status: 200, body: 'plain' });
  });

  it('still answers plain requests on the same route', async () => {
    const response = await fetch(`${gateway.url}/chat/socket`, { headers: { authorization: `Bearer ${key}` } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('plain');
  });
});
