// The floor for any Node gateway: node:http in front of an undici Pool (keep-alive),
// streaming both ways, hop-by-hop headers dropped, nothing else.
//
//   node --import tsx bench/servers/floor-proxy.ts <upstream-port> [port]     prints "ready <port>"
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool, type Dispatcher } from 'undici';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host']);
const pool = new Pool(`http://127.0.0.1:${process.argv[2]}`, { connections: 256 });

function requestHeaders(raw: string[]): string[] {
  const headers: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    if (!HOP_BY_HOP.has(raw[i]!.toLowerCase())) headers.push(raw[i]!, raw[i + 1]!);
  }
  return headers;
}

function responseHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  for (const name of HOP_BY_HOP) delete headers[name];
  return headers;
}

class Handler implements Dispatcher.DispatchHandler {
  constructor(private readonly res: ServerResponse) {}
  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.res.once('close', () => {
      if (!this.res.writableFinished) controller.abort(new Error('client closed the connection'));
    });
  }
  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    this.res.writeHead(statusCode, responseHeaders(headers));
  }
  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (!this.res.write(chunk)) {
      controller.pause();
      this.res.once('drain', () => controller.resume());
    }
  }
  onResponseEnd(): void {
    this.res.end();
  }
  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.res.headersSent) this.res.destroy(error);
    else this.res.writeHead(502).end();
  }
}

const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  const hasBody = req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined;
  pool.dispatch({ method: req.method as 'GET', path: req.url!, headers: requestHeaders(req.rawHeaders), body: hasBody ? req : null }, new Handler(res));
});
server.keepAliveTimeout = 120_000;
server.listen(Number(process.argv[3] ?? 0), '127.0.0.1', () => {
  console.log(`ready ${(server.address() as AddressInfo).port}`);
});
