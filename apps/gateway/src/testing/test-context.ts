// A GatewayContext over a plain request object, for unit tests of one stage's logic.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino } from 'pino';
import type { CompiledSnapshot } from '../config/compiled-snapshot.types';
import { GatewayContext } from '../pipeline/context';

export function testContext(snapshot: CompiledSnapshot, req: { method?: string; url?: string; headers?: Record<string, string> }): GatewayContext {
  const request = { method: 'GET', url: '/', ...req, headers: req.headers ?? {} } as unknown as IncomingMessage;
  return new GatewayContext(request, {} as ServerResponse, snapshot, pino({ level: 'silent' }));
}
