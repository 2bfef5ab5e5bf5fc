import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { safeFetch } from './safe-fetch';

const servers: Server[] = [];
let hits = 0;

async function serve(handler: RequestListener, host = '127.0.0.1'): Promise<string> {
  const server = createServer((req, res) => {
    hits += 1;
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

afterEach(async () => {
  hits = 0;
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve).closeAllConnections())));
});

const LOOPBACK = { allowAddresses: ['127.0.0.1'] };
const ok: RequestListener = (_req, res) => res.end('openapi: 3.1.0\n');

describe('safeFetch', () => {
  it('refuses a loopback server by address and by name, and never connects to it', async () => {
    const url = await serve(ok);
    await expect(safeFetch(`${url}/doc.yaml`)).rejects.toMatchObject({ code: 'invalid_params', invalidParams: [{ name: 'url', reason: expect.stringMatching(/127\.0\.0\.1.*loopback/) }] });
    await expect(safeFetch(url.replace('127.0.0.1', 'localhost'), { field: 'source.url' })).rejects.toMatchObject({ invalidParams: [{ name: 'source.url', reason: expect.stringContaining('loopback') }] });
    expect(hits).toBe(0);
  });

  it('fetches from an address the caller allowed explicitly', async () => {
    const url = await serve(ok);
    await expect(safeFetch(`${url}/doc.yaml`, LOOPBACK)).resolves.toMatchObject({ body: 'openapi: 3.1.0\n', url: `${url}/doc.yaml` });
    expect(hits).toBe(1);
  });

  it.each([
    ['file:///etc/passwd', 'http(s)'],
    ['ftp://example.com/doc', 'http(s)'],
    ['http://user:pw@example.com/', 'credentials'],
    ['not a url', 'not a URL'],
    ['http://169.254.169.254/latest/meta-data/', 'points at 169.254.169.254'],
    ['http://[fd00:ec2::254]/', 'points at fd00:ec2::254'],
    ['http://100.100.100.200/', 'points at'],
    ['http://10.1.2.3/', 'points at'],
    ['http://192.168.0.1/', 'points at'],
    ['http://172.20.0.1/', 'points at'],
    ['http://[::1]/', 'points at ::1'],
    ['http://[::ffff:127.0.0.1]/', 'points at'],
    ['http://0x7f000001/', 'points at 127.0.0.1'],
    ['http://2130706433/', 'points at 127.0.0.1'],
    ['http://0.0.0.0/', 'points at'],
  ])('refuses %s', async (url, reason) => {
    await expect(safeFetch(url, { timeoutMs: 2_000 })).rejects.toMatchObject({ invalidParams: [{ name: 'url', reason: expect.stringContaining(reason) }] });
  });

  it('checks every redirect again: an allowed server cannot bounce the fetch to a blocked address', async () => {
    const target = await serve(ok, '::1').catch(() => null);
    const url = await serve((_req, res) => res.writeHead(302, { location: target ?? 'http://169.254.169.254/latest/meta-data/' }).end());
    await expect(safeFetch(url, LOOPBACK)).rejects.toMatchObject({ invalidParams: [{ reason: expect.stringMatching(/points at (::1|169\.254\.169\.254)/) }] });
    expect(hits).toBe(1);
    const hop = await serve((req, res) => (req.url === '/final' ? ok(req, res) : res.writeHead(301, { location: '/final' }).end()));
    await expect(safeFetch(`${hop}/start`, LOOPBACK)).resolves.toMatchObject({ url: `${hop}/final` });
  });

  it('refuses a body over the cap, whether announced or streamed', async () => {
    const big = 'x'.repeat(64 * 1024);
    const announced = await serve((_req, res) => res.writeHead(200, { 'content-length': big.length }).end(big));
    await expect(safeFetch(announced, { ...LOOPBACK, maxBytes: 1024 })).rejects.toMatchObject({ invalidParams: [{ reason: 'answered with more than 1024 bytes' }] });
    const streamed = await serve((_req, res) => {
      res.write(big);
      res.end(big);
    });
    await expect(safeFetch(streamed, { ...LOOPBACK, maxBytes: 100 * 1024 })).rejects.toMatchObject({ invalidParams: [{ reason: expect.stringContaining('more than') }] });
  });

  it('gives up on a server that never answers, within the timeout', async () => {
    const url = await serve(() => undefined);
    const started = Date.now();
    await expect(safeFetch(url, { ...LOOPBACK, timeoutMs: 500 })).rejects.toMatchObject({ invalidParams: [{ reason: 'did not answer within 500 ms' }] });
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it('names an error status', async () => {
    const url = await serve((_req, res) => res.writeHead(404).end());
    await expect(safeFetch(url, LOOPBACK)).rejects.toMatchObject({ invalidParams: [{ reason: 'could not be fetched: the server answered HTTP 404' }] });
  });
});
