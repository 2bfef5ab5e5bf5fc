// `npm start`: the demo API on DEMO_UPSTREAM_HOST:DEMO_UPSTREAM_PORT (127.0.0.1:4010).
import { pino } from 'pino';
import { loadEnv } from './env';
import { startDemoUpstream } from './start-demo-upstream';

function fail(message: string): never {
  process.stderr.write(`demo-upstream: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let env;
  try {
    env = loadEnv();
  } catch (error) {
    fail((error as Error).message);
  }
  const logger = pino({ name: 'demo-upstream', level: env.LOG_LEVEL });
  const upstream = await startDemoUpstream({ port: env.DEMO_UPSTREAM_PORT, host: env.DEMO_UPSTREAM_HOST, logger }).catch(
    (error: NodeJS.ErrnoException) => {
      const where = `${env.DEMO_UPSTREAM_HOST}:${env.DEMO_UPSTREAM_PORT}`;
      if (error.code === 'EADDRINUSE') fail(`port ${where} is already in use; set DEMO_UPSTREAM_PORT to another port`);
      if (error.code === 'EACCES') fail(`not allowed to listen on ${where}`);
      if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') fail(`cannot listen on ${where}: no such local address`);
      fail(`cannot listen on ${where}: ${error.message}`);
    },
  );
  logger.info({ url: upstream.url }, `demo API listening on ${upstream.url} (OpenAPI at ${upstream.url}/openapi.yaml)`);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting for requests in flight');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    upstream.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

void main();
