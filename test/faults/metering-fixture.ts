// Shared by the metering fault tests: a private PostgreSQL, the test config, a load
// generator that tells requests sent from responses received in full, and the counts.
import { createDb, type Db } from '@tollgate/db';
import { applyMigrations } from '@tollgate/db/migrate';
import { applyTestConfig } from '../../apps/gateway/src/testing/test-gateway';
import { startEmbeddedPostgres } from '../support/embedded-postgres';

export type PrivatePostgres = Awaited<ReturnType<typeof startEmbeddedPostgres>> & { dbUrl: string; db: Db };

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const server = await startEmbeddedPostgres();
  const url = new URL(server.url);
  url.pathname = '/tollgate';
  const dbUrl = url.toString();
  await applyMigrations(dbUrl);
  return Object.assign(server, { dbUrl, db: createDb(dbUrl, { max: 2 }) });
}

export async function applyMeteringConfig(db: Db, upstreamUrl: string): Promise<string> {
  return (await applyTestConfig(db, upstreamUrl)).key;
}

export interface LoadResult {
  sent: number;
  /** Responses whose body arrived completely. */
  completed: number;
  failed: number;
  /** The longest any request took, answered or not. */
  slowestMs: number;
}

/** `concurrency` loops calling the gateway until stopped. */
export function startLoad(baseUrl: () => string, key: string, concurrency: number): { result: LoadResult; stop(): Promise<LoadResult> } {
  const result: LoadResult = { sent: 0, completed: 0, failed: 0, slowestMs: 0 };
  let running = true;
  const loops = Array.from({ length: concurrency }, async (_, worker) => {
    for (let i = 0; running; i++) {
      result.sent++;
      const started = performance.now();
      try {
        const response = await fetch(`${baseUrl()}/weather/forecast/w${worker}-${i}`, { headers: { 'x-api-key': key }, signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        if (response.status === 200) result.completed++;
        else result.failed++;
      } catch {
        result.failed++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      } finally {
        result.slowestMs = Math.max(result.slowestMs, performance.now() - started);
      }
    }
  });
  return {
    result,
    async stop() {
      running = false;
      await Promise.all(loops);
      return result;
    },
  };
}

export interface StoredUsage {
  log: number;
  distinctIds: number;
  rollups: number;
  units: number;
  batchEvents: number;
}

export async function storedUsage(db: Db): Promise<StoredUsage> {
  const [row] = await db.$queryRawUnsafe<Array<Record<string, bigint | null>>>(
    `SELECT (SELECT count(*) FROM request_log) AS log, (SELECT count(DISTINCT id) FROM request_log) AS ids,
            (SELECT sum(count) FROM usage_rollups) AS rollups, (SELECT sum(units) FROM usage_rollups) AS units,
            (SELECT sum("eventCount") FROM usage_batches) AS batches`,
  );
  return {
    log: Number(row!.log),
    distinctIds: Number(row!.ids),
    rollups: Number(row!.rollups ?? 0),
    units: Number(row!.units ?? 0),
    batchEvents: Number(row!.batches ?? 0),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
