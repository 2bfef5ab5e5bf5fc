// Streams 50 MB each way through a gateway running as its own process and watches that
// process's resident memory: with backpressure working, a client or upstream that stops
// reading for a while must not make the gateway buffer the rest of the body.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MB = 1024 * 1024;
const TOTAL = 50 * MB;
const CHUNK = 64 * 1024;
const STALL_AFTER = 5 * MB;
const STALL_MS = 3_000;
/** How much the gateway's RSS may grow above its warmed-up level while 50 MB pass. */
const MAX_GROWTH = 30 * MB;
/**
 * How far the sender may get ahead of a reader that stopped: socket buffers in the
 * kernel and the gateway's stream buffers (without backpressure it is the whole rest
 * of the body, 45 MB). Between sender and reader there are two TCP connections (to the
 * gateway and from it), and the kernel may hold up to its largest TCP receive plus send
 * buffer on each (autotuned on loopback; 32 + 4 MB on Debian's defaults), plus a little
 * in the gateway's streams; so the bound follows the machine's settings, and stays below
 * the rest of the body so that a gateway that ignores backpressure still fails. This
 * bounds what the gateway holds more tightly than RSS, whose freed pages get reused.
 */
const MAX_HELD = Math.min(2 * kernelTcpBufferMax() + MB, TOTAL - STALL_AFTER - MB);

function kernelTcpBufferMax(): number {
  const max = (file: string) => Number(readFileSync(file, 'utf8').trim().split(/\s+/)[2]);
  try {
    const total = max('/proc/sys/net/ipv4/tcp_rmem') + max('/proc/sys/net/ipv4/tcp_wmem');
    return Number.isFinite(total) && total > 0 ? Math.max(24 * MB, total) : 24 * MB;
  } catch {
    return 24 * MB;
  }
}

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const t = useTestDatabase();
let upstream: Server;
let gateway: ChildProcess;
let gatewayUrl: string;

/** The same deterministic bytes everywhere: chunk i is filled with i % 251. */
const chunk = (i: number) => Buffer.alloc(CHUNK, i % 251);
const expectedHash = (() => {
  const hash = createHash('sha256');
  for (let i = 0; i < TOTAL / CHUNK; i++) hash.update(chunk(i));
  return hash.digest('hex');
})();

/** Bytes written so far by the current sender (upstream for downloads, client for uploads). */
let written = 0;
/** Bytes the sender had written beyond what the stalled reader had read, when its stall ended. */
let heldDuringStall = -1;

async function writeAll(stream: NodeJS.WritableStream & { write(chunk: Buffer): boolean }, total = TOTAL): Promise<void> {
  written = 0;
  for (let i = 0; i < total / CHUNK; i++) {
    written += CHUNK;
    if (!stream.write(chunk(i))) await new Promise((resolve) => stream.once('drain', resolve));
  }
}

/** Reads a body, counting and hashing it, stalling once after STALL_AFTER bytes. */
function readAll(stream: IncomingMessage, stall: boolean): Promise<{ bytes: number; sha256: string }> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let bytes = 0;
    let stalled = !stall;
    heldDuringStall = -1;
    stream.on('data', (part: Buffer) => {
      hash.update(part);
      bytes += part.length;
      if (!stalled && bytes >= STALL_AFTER) {
        stalled = true;
        stream.pause();
        setTimeout(() => {
          heldDuringStall = written - bytes;
          stream.resume();
        }, STALL_MS);
      }
    });
    stream.on('end', () => resolve({ bytes, sha256: hash.digest('hex') }));
    stream.on('error', reject);
  });
}

function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.split(/\s+/)[1]) * 1024;
}

/** Runs `work` while sampling the gateway's RSS every 20 ms; returns how far it rose. */
async function measureRss<T>(work: () => Promise<T>): Promise<{ result: T; rssGrowth: number }> {
  const base = rssOf(gateway.pid!);
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(gateway.pid!))), 20);
  try {
    const result = await work();
    return { result, rssGrowth: Math.max(peak, rssOf(gateway.pid!)) - base };
  } finally {
    clearInterval(sampler);
  }
}

function call(method: string, path: string, body?: (req: ReturnType<typeof request>) => Promise<void>, headers: Record<string, string | number> = {}, stall = false) {
  const url = new URL(gatewayUrl);
  return new Promise<{ status: number; bytes: number; sha256: string; text: string }>((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method, headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      if (path.startsWith('/files/upload')) {
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => resolve({ status: res.statusCode!, bytes: 0, sha256: '', text: Buffer.concat(parts).toString() }));
        return;
      }
      readAll(res, stall).then((read) => resolve({ status: res.statusCode!, ...read, text: '' }), reject);
    });
    req.on('error', reject);
    if (body === undefined) req.end();
    else body(req).then(() => req.end(), reject);
  });
}

beforeAll(async () => {
  upstream = createServer((req, res) => {
    if (req.url?.startsWith('/download')) {
      const total = Number(new URL(req.url, 'http://x').searchParams.get('bytes') ?? TOTAL);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': total });
      void writeAll(res, total).then(() => res.end());
      return;
    }
    void readAll(req, true).then((read) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(read)));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  await applyConfig(
    t.db,
    ZConfigFile.parse({
      apis: [
        {
          slug: 'files',
          name: 'Files',
          basePath: '/files',
          status: 'published',
          upstream: { targets: [{ url: upstreamUrl }] },
          routes: [
            { path: '/download', methods: ['GET'], auth: 'none' },
            { path: '/upload', methods: ['POST', 'PUT'], auth: 'none', maxBodyBytes: 100 * MB },
          ],
        },
      ],
    }),
    { baseDir: process.cwd() },
  );

  const dir = mkdtempSync(join(tmpdir(), 'tollgate-streaming-'));
  gateway = spawn(process.execPath, ['--import', 'tsx', 'apps/gateway/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      GATEWAY_PORT: '0',
      GATEWAY_ADMIN_PORT: '0',
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_SNAPSHOT_PATH: join(dir, 'snapshot.json'),
      GATEWAY_SPOOL_DIR: join(dir, 'spool'),
      REDIS_URL: '',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  gatewayUrl = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    let errors = '';
    gateway.stderr!.on('data', (part: Buffer) => (errors += part.toString()));
    gateway.stdout!.on('data', (part: Buffer) => {
      buffered += part.toString();
      for (const line of buffered.split('\n')) {
        if (!line.includes('"gateway listening"')) continue;
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
    gateway.once('exit', (code) => reject(new Error(`gateway exited with ${code}: ${errors}`)));
  });
  // Warm up: code paths compiled, pools and buffers allocated.
  for (let i = 0; i < 3; i++) {
    await call('GET', `/files/download?bytes=${5 * MB}`);
    await call('POST', '/files/upload', (req) => writeAll(req, 5 * MB), { 'content-length': 5 * MB });
  }
}, 120_000);

afterAll(async () => {
  if (gateway && gateway.exitCode === null) {
    const exited = new Promise((resolve) => gateway.once('exit', resolve));
    gateway.kill('SIGTERM');
    await exited;
  }
  upstream?.closeAllConnections();
  await new Promise<void>((resolve) => (upstream ? upstream.close(() => resolve()) : resolve()));
});

describe('streaming 50 MB through the gateway', () => {
  it('downloads to a client that stalls, without buffering the body', async () => {
    const { result, rssGrowth } = await measureRss(() => call('GET', '/files/download', undefined, {}, true));
    expect(result).toMatchObject({ status: 200, bytes: TOTAL, sha256: expectedHash });
    expect(rssGrowth).toBeLessThan(MAX_GROWTH);
    expect(heldDuringStall).toBeGreaterThan(0);
    expect(heldDuringStall).toBeLessThan(MAX_HELD);
  });

  it('uploads with a Content-Length to an upstream that stalls, without buffering the body', async () => {
    const { result, rssGrowth } = await measureRss(() => call('POST', '/files/upload', (req) => writeAll(req), { 'content-length': TOTAL }));
    expect(result.status).toBe(200);
    expect(JSON.parse(result.text)).toEqual({ bytes: TOTAL, sha256: expectedHash });
    expect(rssGrowth).toBeLessThan(MAX_GROWTH);
    expect(heldDuringStall).toBeGreaterThan(0);
    expect(heldDuringStall).toBeLessThan(MAX_HELD);
  });

  it('uploads a chunked body (counted against the route limit) without buffering it', async () => {
    const { result, rssGrowth } = await measureRss(() => call('PUT', '/files/upload', (req) => writeAll(req), { 'transfer-encoding': 'chunked' }));
    expect(result.status).toBe(200);
    expect(JSON.parse(result.text)).toEqual({ bytes: TOTAL, sha256: expectedHash });
    expect(rssGrowth).toBeLessThan(MAX_GROWTH);
    expect(heldDuringStall).toBeGreaterThan(0);
    expect(heldDuringStall).toBeLessThan(MAX_HELD);
  });
});
