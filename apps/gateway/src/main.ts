// `npm start` in apps/gateway: runs the gateway configured by the environment. With
// GATEWAY_WORKERS > 1 this process becomes the primary of a node:cluster: it forks the
// workers (each a whole gateway sharing the data port) and serves the admin port.
import cluster from 'node:cluster';
import { hostname } from 'node:os';
import { runPrimary } from './cluster/run-primary';
import { runWorker } from './cluster/run-worker';
import { parseGatewayEnv } from './env';
import { createLogger } from './logger';
import { isStartupError } from './startup-error';
import { startGateway } from './start-gateway';

function fail(error: unknown): never {
  const message = isStartupError(error) ? error.message : (error instanceof Error ? error.message : String(error)).split('\n')[0];
  process.stderr.write(`tollgate gateway: ${message}\n`);
  process.exit(1);
}

async function runSingle(): Promise<void> {
  const gateway = await startGateway();
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(1);
      stopping = true;
      gateway.close().then(
        () => process.exit(0),
        (error: unknown) => fail(error),
      );
    });
  }
}

try {
  const env = parseGatewayEnv();
  if (cluster.isWorker && env.GATEWAY_WORKER_ID !== undefined) await runWorker(env, env.GATEWAY_WORKER_ID, hostname());
  else if (env.GATEWAY_WORKERS > 1) await runPrimary(env, createLogger(env));
  else await runSingle();
} catch (error) {
  fail(error);
}
