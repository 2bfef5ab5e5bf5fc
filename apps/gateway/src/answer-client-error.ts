import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { buildProblem, PROBLEM_CONTENT_TYPE, type ErrorCode } from '@tollgate/errors';
import { MeteredResponse } from './stages/record/metered-response';

const FRAMING = 'The request has conflicting or duplicate Content-Length / Transfer-Encoding headers.';
const HEADER_CHARACTERS = 'A header name or value contains a character that is not allowed (CR, LF or another control character).';

/** Node parser errors -> what the client is told. Anything else is a generic 400. */
const ANSWERS: Record<string, [ErrorCode, string]> = {
  HPE_HEADER_OVERFLOW: ['headers_too_large', 'The request line and headers are larger than this gateway accepts.'],
  ERR_HTTP_REQUEST_TIMEOUT: ['request_timeout', 'The request was not received in time.'],
  HPE_INVALID_TRANSFER_ENCODING: ['bad_request', FRAMING],
  HPE_UNEXPECTED_CONTENT_LENGTH: ['bad_request', FRAMING],
  HPE_INVALID_CONTENT_LENGTH: ['bad_request', 'Content-Length is not a single non-negative integer.'],
  HPE_INVALID_HEADER_TOKEN: ['bad_request', HEADER_CHARACTERS],
  HPE_LF_EXPECTED: ['bad_request', HEADER_CHARACTERS],
  HPE_CR_EXPECTED: ['bad_request', HEADER_CHARACTERS],
  HPE_INVALID_CHUNK_SIZE: ['bad_request', 'The chunked request body is malformed.'],
};

/**
 * Answers a request Node's parser refused (or one that timed out) with problem+json,
 * then closes the connection. When a response is already under way on that socket,
 * nothing can be said any more: the socket is cut.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  const pending = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (pending instanceof MeteredResponse && pending.ending && !pending.writableFinished) {
    // Answered already, waiting for its usage event to be spooled: let that answer go out, then close.
    pending.once('finish', () => socket.end());
    return;
  }
  if (!socket.writable || error.code === 'ECONNRESET' || (pending !== null && pending !== undefined && pending.headersSent)) {
    socket.destroy();
    return;
  }
  const [code, detail] = ANSWERS[error.code ?? ''] ?? ['bad_request', 'The request could not be parsed as HTTP/1.1.'];
  const requestId = randomUUID();
  const problem = buildProblem(code, detail, requestId);
  const body = JSON.stringify(problem);
  socket.end(
    `HTTP/1.1 ${problem.status} ${problem.title}\r\ncontent-type: ${PROBLEM_CONTENT_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\ncache-control: no-store\r\nx-request-id: ${requestId}\r\nconnection: close\r\n\r\n${body}`,
  );
}
