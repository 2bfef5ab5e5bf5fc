// A private PostgreSQL server for tests that stop, hang or flush it, or when none runs.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEmbeddedPostgres } from '../../scripts/start/embedded-postgres';
import { freePort, type RunningService } from '../setup/services';

export async function startEmbeddedPostgres(): Promise<RunningService & { start(): Promise<void>; pause(): Promise<void> }> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tollgate-pg-'));
  // pause() stops the server and start() starts it again on the same data; stop() removes the directory itself.
  const server = createEmbeddedPostgres(dir, port);
  await server.initialise();
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    start: () => server.start(),
    pause: () => server.stop(),
    stop: async () => {
      await server.stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
