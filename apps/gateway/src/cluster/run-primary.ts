import cluster from 'node:cluster';
import type { Logger } from 'pino';
import { createClusterAdminServer, type WorkerState } from '../admin/cluster-admin-server';
import type { GatewayEnv } from '../env';
import { listen, localUrl } from '../listen';
import { isWorkerStatus, SHUTDOWN } from './cluster-messages';

const RESTART_MIN_MS = 250;
const RESTART_MAX_MS = 10_000;
/** A worker that lived this long resets the restart backoff. */
const HEALTHY_AFTER_MS = 30_000;

/**
 * The primary of GATEWAY_WORKERS > 1: forks the workers (they share the data port through
 * node:cluster), restarts any that dies with a backoff, serves the admin port with every
 * worker's metrics, and on SIGTERM/SIGINT asks each worker to drain and waits for them.
 */
export async function runPrimary(env: GatewayEnv, log: Logger): Promise<void> {
  const states = new Map<number, WorkerState>();
  const backoff = new Map<number, number>();
  let stopping = false;

  const fork = (id: number) => {
    const worker = cluster.fork({ GATEWAY_WORKER_ID: String(id) });
    const started = Date.now();
    states.set(id, { id, pid: worker.process.pid ?? 0, config: null, worker });
    worker.on('message', (message: unknown) => {
      const state = states.get(id);
      if (state?.worker === worker && isWorkerStatus(message)) state.config = { revision: message.revision, source: message.source, loadedAt: message.loadedAt };
    });
    worker.on('exit', (code, signal) => {
      if (states.get(id)?.worker === worker) states.delete(id);
      if (stopping) return;
      const delay = Date.now() - started > HEALTHY_AFTER_MS ? RESTART_MIN_MS : Math.min((backoff.get(id) ?? RESTART_MIN_MS / 2) * 2, RESTART_MAX_MS);
      backoff.set(id, delay);
      log.error({ worker: id, pid: worker.process.pid, code, signal, restartInMs: delay }, 'gateway worker died; starting another');
      setTimeout(() => !stopping && fork(id), delay);
    });
  };

  const admin = createClusterAdminServer({ workers: () => [...states.values()], expected: env.GATEWAY_WORKERS, stopping: () => stopping });
  const address = await listen(admin, env.GATEWAY_ADMIN_PORT, env.GATEWAY_ADMIN_HOST, 'GATEWAY_ADMIN_PORT');
  for (let id = 1; id <= env.GATEWAY_WORKERS; id++) fork(id);
  log.info({ workers: env.GATEWAY_WORKERS, adminUrl: localUrl(address), port: env.GATEWAY_PORT }, 'gateway primary started');

  const stop = async () => {
    stopping = true;
    const running = [...states.values()].map((state) => state.worker);
    log.info({ workers: running.length }, 'stopping gateway workers');
    const exited = Promise.all(running.map((worker) => new Promise<void>((resolve) => (worker.isDead() ? resolve() : worker.once('exit', () => resolve())))));
    for (const worker of running) if (worker.isConnected()) worker.send(SHUTDOWN);
    const timer = setTimeout(() => {
      for (const worker of running) if (!worker.isDead()) worker.process.kill('SIGKILL');
    }, env.GATEWAY_SHUTDOWN_TIMEOUT_MS + 5_000);
    await exited;
    clearTimeout(timer);
    await new Promise<void>((resolve) => admin.close(() => resolve()));
    log.info('gateway stopped');
  };
  let stopped: Promise<void> | null = null;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopped) return;
      stopped = stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

