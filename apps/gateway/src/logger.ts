import { pino, type DestinationStream, type Logger } from 'pino';
import type { GatewayEnv } from './env';

/**
 * Credentials, wherever a log call might carry them: request and upstream headers
 * (Authorization, X-Api-Key, Cookie, Proxy-Authorization), a raw key, and the query
 * string (an `api_key` parameter). Access lines log the path without its query.
 */
const REDACTED = [
  ...['authorization', '["x-api-key"]', 'cookie', '["proxy-authorization"]', '["set-cookie"]'].flatMap((header) => {
    const path = header.startsWith('[') ? header : `.${header}`;
    return [`headers${path}`, `req.headers${path}`, `request.headers${path}`, `res.headers${path}`, `*.headers${path}`];
  }),
  'key',
  'apiKey',
  'query',
  'req.query',
  '*.key',
  '*.apiKey',
];

/**
 * The gateway's root logger. Credentials are redacted wherever they might be logged.
 * Standard output is written asynchronously: lines logged while a write is under way
 * go out together in the next one. `log.flush()` on shutdown writes what is left.
 */
export function createLogger(env: GatewayEnv, destination: DestinationStream = standardOutput()): Logger {
  const options = {
    level: env.LOG_LEVEL,
    base: { service: 'tollgate-gateway' },
    redact: { paths: REDACTED, censor: '[redacted]' },
  };
  return pino(options, destination);
}

/** Standard output, written asynchronously (shared by the logger and the access log). */
export function standardOutput(): DestinationStream {
  return pino.destination({ dest: 1, sync: false });
}
