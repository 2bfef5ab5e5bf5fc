// An upstream that speaks raw TCP: the test decides every byte it sends back (or that
// it sends nothing), so malformed framing, stalls and resets are real. It counts the
// sockets it holds open, to see whether the gateway lets go of them.
import { createServer, type AddressInfo, type Socket } from 'node:net';

/** Called once a request head has arrived; `path` is the request target. */
export type RawUpstreamHandler = (socket: Socket, path: string) => void;

export interface RawUpstream {
  readonly url: string;
  /** Sockets the upstream has open right now. */
  readonly openSockets: number;
  /** Request heads received, by path. */
  readonly received: string[];
  close(): Promise<void>;
}

export async function startRawUpstream(handler: RawUpstreamHandler): Promise<RawUpstream> {
  const sockets = new Set<Socket>();
  const received: string[] = [];
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let head = '';
    const onData = (data: Buffer) => {
      head += data.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      const path = head.slice(0, head.indexOf('\r\n')).split(' ')[1] ?? '';
      received.push(path);
      handler(socket, path);
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get openSockets() {
      return sockets.size;
    },
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
