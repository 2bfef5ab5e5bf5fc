import { connect } from 'node:net';

export interface RawExchange {
  /** Everything the server sent, as latin1 text. */
  readonly text: string;
  /** Status code of the first response, or 0 when none came. */
  readonly status: number;
  /** Header block of the first response, lower-cased names. */
  readonly headers: Record<string, string>;
  readonly body: string;
  /** The server closed the connection (rather than the helper giving up). */
  readonly closedByServer: boolean;
  /** Milliseconds from connect to close. */
  readonly elapsedMs: number;
}

/**
 * Sends bytes exactly as given over a fresh TCP connection and collects everything the
 * server answers until it closes the socket or `timeoutMs` passes. `parts` are written
 * `gapMs` apart (a slow client); the socket stays open for writing afterwards.
 */
export function rawSocket(baseUrl: string, parts: string | readonly string[], options: { gapMs?: number; timeoutMs?: number } = {}): Promise<RawExchange> {
  const url = new URL(baseUrl);
  const chunks = typeof parts === 'string' ? [parts] : parts;
  const timeoutMs = options.timeoutMs ?? 5_000;
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(Number(url.port), url.hostname);
    const received: Buffer[] = [];
    let closedByServer = true;
    const timers: NodeJS.Timeout[] = [];
    socket.on('connect', () => {
      chunks.forEach((chunk, i) => {
        timers.push(setTimeout(() => socket.writable && socket.write(Buffer.from(chunk, 'latin1')), i * (options.gapMs ?? 0)));
      });
    });
    socket.on('data', (data: Buffer) => received.push(data));
    socket.on('error', () => {});
    const giveUp = setTimeout(() => {
      closedByServer = false;
      socket.destroy();
    }, timeoutMs);
    socket.on('close', () => {
      clearTimeout(giveUp);
      for (const timer of timers) clearTimeout(timer);
      resolve(parse(Buffer.concat(received).toString('latin1'), closedByServer, Date.now() - started));
    });
  });
}

function parse(text: string, closedByServer: boolean, elapsedMs: number): RawExchange {
  const headEnd = text.indexOf('\r\n\r\n');
  const head = headEnd < 0 ? text : text.slice(0, headEnd);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1];
  return { text, status: status === undefined ? 0 : Number(status), headers, body: headEnd < 0 ? '' : text.slice(headEnd + 4), closedByServer, elapsedMs };
}
