// Routes with validateRequest check requests against the API's OpenAPI document before
// forwarding: what the document forbids gets 400 invalid_params, what it allows goes on.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { rawSocket } from '../testing/raw-socket';
import { startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;

const ITEMS_31 = {
  openapi: '3.1.0',
  info: { title: 'Items', version: '1' },
  paths: {
    '/items/{itemId}': {
      parameters: [{ name: 'itemId', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
      get: {
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 100 } },
          { name: 'tag', in: 'query', schema: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } } },
          { name: 'X-Trace', in: 'header', schema: { type: 'string', pattern: '^[0-9a-f]{8}$' } },
        ],
        responses: { '200': { description: 'ok' } },
      },
    },
    '/items': {
      post: {
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/NewItem' } } } },
        responses: { '201': { description: 'created' } },
      },
    },
  },
  components: {
    schemas: {
      NewItem: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: { name: { type: 'string', minLength: 1 }, tags: { type: 'array', items: { type: 'string' } }, price: { type: ['number', 'null'] } },
      },
    },
  },
};

const LEGACY_30 = {
  openapi: '3.0.3',
  info: { title: 'Legacy', version: '1' },
  paths: {
    '/notes': {
      post: {
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { due: { type: 'string', format: 'date', nullable: true }, size: { type: 'integer', format: 'int32' } } } } } },
        responses: { '200': { description: 'ok' } },
      },
    },
  },
};

beforeAll(async () => {
  upstream = await startTestUpstream();
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-openapi-'));
  writeFileSync(join(dir, 'items.json'), JSON.stringify(ITEMS_31));
  writeFileSync(join(dir, 'legacy.json'), JSON.stringify(LEGACY_30));
  const config = ZConfigFile.parse({
    apis: [
      {
        slug: 'items',
        name: 'Items',
        basePath: '/items-api',
        status: 'published',
        openapi: 'items.json',
        upstream: { targets: [{ url: upstream.url }] },
        routes: [
          { path: '/items/{id}', methods: ['GET'], auth: 'none', validateRequest: true },
          { path: '/items', methods: ['POST'], auth: 'none', validateRequest: true },
          { path: '/unchecked', methods: ['POST'], auth: 'none' },
        ],
      },
      {
        slug: 'legacy',
        name: 'Legacy',
        basePath: '/legacy',
        status: 'published',
        openapi: 'legacy.json',
        upstream: { targets: [{ url: upstream.url }] },
        routes: [{ path: '/notes', methods: ['POST'], auth: 'none', validateRequest: true }],
      },
    ],
  });
  await applyConfig(t.db, config, { baseDir: dir });
  gateway = await startTestGateway(t.url);
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

let seenBefore = 0;
beforeEach(() => {
  seenBefore = upstream.received.length;
});

interface Answer {
  status: number;
  problem: { code?: string; invalid_params?: { name: string; reason: string }[] } | null;
}

async function send(method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const body = options.body === undefined ? '' : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const headers = { host: 'gateway', connection: 'close', ...(body !== '' ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}), ...options.headers };
  const head = [`${method} ${path} HTTP/1.1`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)].join('\r\n');
  const exchange = await rawSocket(gateway.url, `${head}\r\n\r\n${body}`);
  const problem = exchange.headers['content-type'] === 'application/problem+json' ? (JSON.parse(exchange.body) as Answer['problem']) : null;
  return { status: exchange.status, problem };
}

const names = (answer: Answer) => (answer.problem?.invalid_params ?? []).map((param) => param.name).sort();

describe('parameters', () => {
  it('forwards a request the document allows', async () => {
    const answer = await send('GET', '/items-api/items/7?limit=10&tag=a&tag=b', { headers: { 'x-trace': '0a1b2c3d' } });
    expect(answer.status).toBe(200);
    expect(upstream.received.at(-1)?.url).toBe('/items/7?limit=10&tag=a&tag=b');
  });

  it('refuses path, query and header values the document forbids, naming each', async () => {
    const answer = await send('GET', '/items-api/items/0?limit=1000&tag=c', { headers: { 'x-trace': 'nope' } });
    expect(answer.status).toBe(400);
    expect(answer.problem?.code).toBe('invalid_params');
    expect(names(answer)).toEqual(['header.x-trace', 'path.itemId', 'query.limit', 'query.tag[0]']);
    expect(upstream.received.length).toBe(seenBefore);
  });

  it('refuses a path parameter that is not a number', async () => {
    const answer = await send('GET', '/items-api/items/abc');
    expect(names(answer)).toEqual(['path.itemId']);
  });
});

describe('JSON bodies', () => {
  it('forwards a body that fits its schema, byte for byte', async () => {
    const answer = await send('POST', '/items-api/items', { body: { name: 'lamp', tags: ['home'], price: null } });
    expect(answer.status).toBe(200);
    expect(JSON.parse(upstream.received.at(-1)!.body)).toEqual({ name: 'lamp', tags: ['home'], price: null });
  });

  it('refuses a body that breaks its schema ($ref into components), naming the fields', async () => {
    const answer = await send('POST', '/items-api/items', { body: { tags: [1], colour: 'red' } });
    expect(answer.status).toBe(400);
    expect(names(answer)).toEqual(expect.arrayContaining(['body.name', 'body.tags[0]', 'body']));
    expect(upstream.received.length).toBe(seenBefore);
  });

  it('refuses a missing required body, broken JSON and another media type', async () => {
    expect(names(await send('POST', '/items-api/items'))).toEqual(['body']);
    expect((await send('POST', '/items-api/items', { body: '{"name":' })).problem?.invalid_params).toEqual([{ name: 'body', reason: 'is not valid JSON' }]);
    expect(names(await send('POST', '/items-api/items', { body: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }))).toEqual(['header.content-type']);
    expect(upstream.received.length).toBe(seenBefore);
  });

  it('leaves routes without validateRequest alone', async () => {
    expect((await send('POST', '/items-api/unchecked', { body: { anything: true } })).status).toBe(200);
  });

  it('reads OpenAPI 3.0 documents (nullable, int32)', async () => {
    expect((await send('POST', '/legacy/notes', { body: { due: null, size: 3 } })).status).toBe(200);
    expect(names(await send('POST', '/legacy/notes', { body: { due: 'tomorrow', size: 1.5 } }))).toEqual(['body.due', 'body.size']);
  });
});

it('asks for the body with 100 Continue only after the parameters passed', async () => {
  const head = 'POST /items-api/items HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nContent-Length: 15\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n';
  const exchange = await rawSocket(gateway.url, [head, '{"name":"lamp"}'], { gapMs: 300 });
  expect(exchange.text.startsWith('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200')).toBe(true);
});
