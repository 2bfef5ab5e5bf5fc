import { join } from 'node:path';
import { AggregatorRegistry } from 'prom-client';
import type { GatewayEnv } from '../env';
import { startGateway, type RunningGateway } from '../start-gateway';
import { isShutdown, type WorkerStatusMessage } from './cluster-messages';

const STATUS_EVERY_MS = 100;

/**
 * One worker of a cluster. Signals are the primary's business (a Ctrl-C reaches the whole
 * process group): the worker drains when the primary says so, or when the primary is gone.
 * Its gateway_instances row and usage spool are its own: `<instance>-w<id>`.
 */
export async function runWorker(env: GatewayEnv, id: number, host: string): Promise<void> {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => {});
  const instanceId = `${env.GATEWAY_INSTANCE_ID ?? host}-w${id}`;
  const gateway = await startGateway(
    { GATEWAY_INSTANCE_ID: instanceId, GATEWAY_SPOOL_DIR: env.GATEWAY_SPOOL_DIR === undefined ? undefined : join(env.GATEWAY_SPOOL_DIR, `w${id}`) },
    { worker: { id } },
  );
  // Answer the primary's metric requests with this worker's registry.
  AggregatorRegistry.setRegistries([gateway.registry]);
  new AggregatorRegistry();
  reportStatus(gateway);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    gateway.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('message', (message) => {
    if (isShutdown(message)) stop();
  });
  process.on('disconnect', stop);
}

function reportStatus(gateway: RunningGateway): void {
  let sent = '';
  const send = () => {
    const config = gateway.config;
    if (config === null || !process.connected) return;
    const key = `${config.revision} ${config.source}`;
    if (key === sent) return;
    sent = key;
    const message: WorkerStatusMessage = { type: 'tollgate:status', ...config };
    process.send?.(message);
  };
  send();
  setInterval(send, STATUS_EVERY_MS).unref();
}
