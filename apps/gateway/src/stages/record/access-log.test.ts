import { describe, expect, it } from 'vitest';
import { AccessLog, type AccessLine } from './access-log';

const line = (overrides: Partial<AccessLine> = {}): AccessLine => ({
  requestId: 'req-1',
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  method: 'GET',
  path: '/weather/forecast/paris',
  api: 'weather',
  route: 'GET /forecast/{city}',
  app: 'acme-app',
  status: 200,
  ms: 1.5,
  ...overrides,
});

function capture() {
  const writes: string[] = [];
  return { writes, destination: { write: (chunk: string) => writes.push(chunk) } };
}

describe('AccessLog', () => {
  it('writes one JSON line per request with the base fields, buffered into one write', async () => {
    const { writes, destination } = capture();
    const log = new AccessLog(destination, { worker: 2 });
    log.write(line());
    log.write(line({ requestId: 'req-2', traceId: undefined, status: 404, api: undefined, route: undefined, app: undefined }));
    expect(writes).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(writes).toHaveLength(1);
    const [first, second] = writes[0]!.trimEnd().split('\n').map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(first).toMatchObject({ level: 30, service: 'tollgate-gateway', worker: 2, requestId: 'req-1', traceId: '4bf92f3577b34da6a3ce929d0e0e4736', method: 'GET', api: 'weather', route: 'GET /forecast/{city}', app: 'acme-app', status: 200, ms: 1.5, msg: 'request' });
    expect(typeof first!.time).toBe('number');
    expect(second).toMatchObject({ requestId: 'req-2', status: 404 });
    expect(second).not.toHaveProperty('api');
    expect(second).not.toHaveProperty('app');
    expect(second).not.toHaveProperty('traceId');
  });

  it('escapes whatever the client sent, so every line stays one valid JSON object', async () => {
    const { writes, destination } = capture();
    const log = new AccessLog(destination);
    const path = '/a"b\\c\u0001\u2028é';
    log.write(line({ path, requestId: 'x"\n{"level":60}' }));
    log.flush();
    const lines = writes.join('').trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ path, requestId: 'x"\n{"level":60}', level: 30 });
  });

  it('hands a large backlog to the destination without waiting for the timer', () => {
    const { writes, destination } = capture();
    const log = new AccessLog(destination);
    for (let i = 0; i < 1_000; i++) log.write(line({ requestId: `req-${i}` }));
    expect(writes.length).toBeGreaterThan(0);
    log.flush();
    expect(writes.join('').trimEnd().split('\n')).toHaveLength(1_000);
  });
});
