import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { UsageSink } from '../../adapters/usage-sink/usage-sink';
import type { GatewayContext } from '../../pipeline/context';
import { MeteredResponse } from './metered-response';

/** A sink that holds each event until the test releases it, as a slow spool write would. */
class HeldSink implements UsageSink {
  readonly gatewayId = 'test-gateway';
  readonly held: Array<{ line: string; release: () => void }> = [];
  append(line: string, then?: () => void): void {
    this.held.push({ line, release: then ?? (() => {}) });
  }
  fold(): void {}
  async close(): Promise<void> {}
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

function context(req: unknown, res: unknown): GatewayContext {
  return { req, res, startedAt: performance.now(), requestId: 'req-1', path: '/x', clientIp: '127.0.0.1', route: null, principal: null, plan: null, clientAborted: false } as unknown as GatewayContext;
}

describe('MeteredResponse', () => {
  it('hands the last bytes to the socket only after the sink has the usage event', async () => {
    const sink = new HeldSink();
    server = createServer({ ServerResponse: MeteredResponse }, (req, res) => {
      res.meterWith(context(req, res), sink);
      res.setHeader('content-type', 'text/plain');
      res.end('hello');
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    let received = false;
    const answer = new Promise<string>((resolve, reject) => {
      request({ port, path: '/x' }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => {
          received = true;
          resolve(body);
        });
      })
        .on('error', reject)
        .end();
    });
    while (sink.held.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toBe(false);
    expect(sink.held).toHaveLength(1);
    expect(sink.held[0]!.line).toContain('\treq-1\t');
    sink.held[0]!.release();
    expect(await answer).toBe('hello');
    expect(sink.held).toHaveLength(1);
  });
});
