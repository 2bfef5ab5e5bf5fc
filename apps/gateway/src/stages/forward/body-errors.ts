import { TollgateError } from '@tollgate/errors';

// The rest of the body is never read after either of these: `Connection: close` tells the
// client that the connection cannot carry another request, and Node closes it once the
// problem is sent.

export function payloadTooLarge(maxBodyBytes: number): TollgateError {
  return new TollgateError('payload_too_large', {
    detail: `The request body is larger than the ${maxBodyBytes} bytes this route accepts.`,
    headers: { connection: 'close' },
  });
}

export function bodyTooSlow(reason: string): TollgateError {
  return new TollgateError('request_timeout', {
    detail: `The request body arrived too slowly (${reason}).`,
    headers: { connection: 'close' },
  });
}
