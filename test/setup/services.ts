// Finds (or starts) the PostgreSQL and Redis servers a test run uses.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function canConnectToPostgres(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

/** DATABASE_URL (or 127.0.0.1:5432) when reachable, else a private embedded PostgreSQL. */
export async function findOrStartPostgres(): Promise<RunningService> {
  const url = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  url.pathname = '/postgres';
  if (await canConnectToPostgres(url.toString())) return { url: url.toString(), stop: async () => {} };
  console.warn(`tests: no PostgreSQL at ${url.host}; starting an embedded one`);
  const { startEmbeddedPostgres } = await import('../support/embedded-postgres');
  return startEmbeddedPostgres();
}

async function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(1000, () => socket.destroy());
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
  });
}

/** REDIS_URL (or 127.0.0.1:6379) when it answers, else a private redis-server when installed. */
export async function findOrStartRedis(): Promise<RunningService | undefined> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (await redisAnswers(url)) return { url, stop: async () => {} };
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    console.warn('tests: no Redis reachable and no redis-server installed; Redis tests will fail');
    return undefined;
  }
  return startPrivateRedis();
}

export async function startPrivateRedis(): Promise<RunningService> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tollgate-redis-'));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: 'ignore',
  });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100 && !(await redisAnswers(url)); i++) await new Promise((r) => setTimeout(r, 50));
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
