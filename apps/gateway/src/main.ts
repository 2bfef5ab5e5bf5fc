// `npm start` in apps/gateway: runs one gateway configured by the environment.
import { isStartupError } from './startup-error';
import { startGateway, type RunningGateway } from './start-gateway';

function fail(error: unknown): never {
  const message = isStartupError(error) ? error.message : (error instanceof Error ? error.message : String(error)).split('\n')[0];
  process.stderr.write(`tollgate gateway: ${message}\n`);
  process.exit(1);
}

let gateway: RunningGateway;
try {
  gateway = await startGateway({}, { processMetrics: true });
} catch (error) {
  fail(error);
}

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
