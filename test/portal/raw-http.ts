// Clients that misbehave on purpose: an oversized upload and a slow-header trickle.
import http from 'node:http';
import net from 'node:net';

export interface UploadOutcome {
  status: number;
  contentType: string | undefined;
  body: string;
  /** Milliseconds until the answer arrived. */
  ms: number;
  /** Bytes the client got into the connection before the server closed it (all of them when it read everything). */
  bytesAccepted: number;
}

/**
 * POSTs `size` bytes in 64 KiB pieces (with Content-Length, or chunked) and keeps sending
 * after the answer arrives, until the body is out or the server closes the connection.
 */
export function uploadUntilClosed(url: string, path: string, size: number, mode: 'content-length' | 'chunked'): Promise<UploadOutcome> {
  const started = Date.now();
  const piece = Buffer.alloc(64 * 1024, 'a');
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (mode === 'content-length') headers['content-length'] = size;
    const request = http.request(`${url}${path}`, { method: 'POST', headers });
    let answer: Omit<UploadOutcome, 'bytesAccepted'> | undefined;
    let sent = 0;
    let flushed = 0;
    request.once('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.once('end', () => {
        answer = { status: response.statusCode ?? 0, contentType: response.headers['content-type'], body, ms: Date.now() - started };
      });
      response.once('error', () => {});
    });
    request.once('error', (error) => {
      if (!answer) reject(error);
    });
    request.once('close', () => {
      if (answer) resolve({ ...answer, bytesAccepted: flushed });
      else reject(new Error(`connection closed without an answer after ${sent} bytes`));
    });
    const pump = () => {
      while (sent < size && !request.destroyed) {
        sent += piece.length;
        const written = request.write(piece, (error) => {
          if (!error) flushed += piece.length;
        });
        if (!written) return void request.once('drain', pump);
      }
      if (!request.destroyed) request.end();
    };
    pump();
  });
}

/** Sends a request line, then a header one byte per second; resolves with the ms until the server hung up. */
export function trickleHeaders(url: string, giveUpMs: number): Promise<{ closedAfterMs: number; received: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const started = Date.now();
    let received = '';
    let timer: NodeJS.Timeout | undefined;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.once('connect', () => {
      socket.write(`GET /api/healthz HTTP/1.1\r\nHost: ${hostname}\r\nX-Slow: `);
      timer = setInterval(() => {
        if (Date.now() - started > giveUpMs) {
          clearInterval(timer);
          socket.destroy();
          return;
        }
        if (!socket.destroyed) socket.write('a');
      }, 1_000);
    });
    socket.once('close', () => {
      clearInterval(timer);
      resolve({ closedAfterMs: Date.now() - started, received });
    });
    socket.once('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET' && (error as NodeJS.ErrnoException).code !== 'EPIPE') reject(error);
    });
  });
}
