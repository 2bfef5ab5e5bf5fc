// A redis-server of a test's own, for fault tests: stopped and started again on the same
// port, frozen (SIGSTOP) and thawed, or made to sleep (DEBUG SLEEP), never the shared one.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { eventually } from '../../apps/gateway/src/testing/test-gateway';
import { freePort } from '../setup/services';

export class PrivateRedis {
  #child: ChildProcess | null = null;
  readonly #dir = mkdtempSync(path.join(os.tmpdir(), 'tollgate-redis-fault-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.#dir, '--enable-debug-command', 'local'];
    this.#child = spawn('redis-server', args, { stdio: 'ignore' });
    await eventually(() => ping(this.port), 10_000);
  }

  /** Freezes the server: connections stay open, nothing is answered. */
  freeze(): void {
    this.#child?.kill('SIGSTOP');
  }

  thaw(): void {
    this.#child?.kill('SIGCONT');
  }

  /** Kills the server (its data goes with it). */
  async stop(): Promise<void> {
    const child = this.#child;
    if (child === null || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGCONT');
    child.kill('SIGKILL');
    await exited;
    this.#child = null;
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.#dir, { recursive: true, force: true });
  }

  /** A client of the test's own, connected; commands fail after `timeoutMs` instead of waiting on a frozen server. */
  async client(timeoutMs = 1_000): Promise<Redis> {
    const client = new Redis(this.url, { commandTimeout: timeoutMs, maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: true });
    client.on('error', () => {});
    await client.connect();
    return client;
  }
}

/** Every key whose TTL is missing (-1): a limiter key must always expire. */
export async function keysWithoutTtl(client: Redis): Promise<string[]> {
  const keys = await client.keys('*');
  const ttls = await Promise.all(keys.map((key) => client.pttl(key)));
  return keys.filter((_, i) => ttls[i] === -1);
}

function ping(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      if (data.toString().startsWith('+PONG')) resolve();
      else reject(new Error('no PONG'));
    });
    socket.once('error', reject);
  });
}
