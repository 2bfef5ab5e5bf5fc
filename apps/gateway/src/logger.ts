import { pino, type DestinationStream, type Logger } from 'pino';
import type { GatewayEnv } from './env';

/** The gateway's root logger. Credentials are redacted wherever they might be logged. */
export function createLogger(env: GatewayEnv, destination?: DestinationStream): Logger {
  const options = {
    level: env.LOG_LEVEL,
    base: { service: 'tollgate-gateway' },
    redact: { paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'headers.authorization', 'headers["x-api-key"]'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
