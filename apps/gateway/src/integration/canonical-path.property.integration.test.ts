// A property over request targets: for every target the gateway accepts, the upstream
// receives its target's path joined with the canonical path (minus the base path where
// the route strips it), and the route that served it is the one the canonical path
// matches. The oracle below is written independently of the gateway's code.
import { Agent, request } from 'node:http';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

beforeAll(async () => {
  upstream = await startTestUpstream();
  const config = ZConfigFile.parse({
    apis: [
      {
        slug: 'alpha',
        name: 'Alpha',
        basePath: '/alpha',
        status: 'published',
        upstream: { targets: [{ url: `${upstream.url}/ta` }] },
        routes: [
          { path: '/items/{id}', methods: ['GET'], auth: 'none' },
          { path: '/files/*', methods: ['GET'], auth: 'none', stripBasePath: false },
        ],
      },
      {
        slug: 'beta',
        name: 'Beta',
        basePath: '/beta/v1',
        status: 'published',
        upstream: { targets: [{ url: upstream.url }] },
        routes: [{ path: '/*', methods: ['GET'], auth: 'none' }],
      },
    ],
  });
  await applyConfig(t.db, config, { baseDir: process.cwd() });
  gateway = await startTestGateway(t.url);
});

afterAll(async () => {
  agent.destroy();
  await gateway?.close();
  await upstream?.close();
});

/** RFC 3986 6.2.2: decode unreserved characters, upper-case the hex of the rest. */
function oracleCanonical(path: string): string {
  return path.replace(/%([0-9A-Fa-f]{2})/g, (_match, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return /^[A-Za-z0-9_~-]$/.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

/** What the upstream should receive for a canonical path, or null when no route matches. */
function expectedUpstreamPath(canonical: string): string | null {
  const items = /^\/alpha\/items\/([^/]+)$/.exec(canonical);
  if (items) return `/ta${canonical.slice('/alpha'.length)}`;
  if (canonical.startsWith('/alpha/files/')) return `/ta${canonical}`;
  if (canonical.startsWith('/beta/v1/')) return canonical.slice('/beta/v1'.length);
  return null;
}

const hex = (code: number, upper: boolean) => {
  const text = code.toString(16).padStart(2, '0');
  return `%${upper ? text.toUpperCase() : text}`;
};

/** One character of a literal, either as itself or percent-encoded in either case. */
const spelled = (literal: string) =>
  fc.tuple(...[...literal].map((char) => fc.constantFrom<'plain' | 'lower' | 'upper'>('plain', 'lower', 'upper').map((how) => (how === 'plain' || char === '/' ? char : hex(char.charCodeAt(0), how === 'upper'))))).map((parts) => parts.join(''));

/** A character percent-encoded as UTF-8 bytes, hex in either case; never one the gateway refuses encoded (. / \\ ; %). */
const encodedChar = fc
  .oneof(fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), fc.constantFrom('é', 'ß', '東', '😀', 'ü'))
  .filter((char) => !['.', '/', '\\', ';', '%'].includes(char))
  .chain((char) => fc.boolean().map((upper) => [...Buffer.from(char, 'utf8')].map((byte) => hex(byte, upper)).join('')));
const segmentChar = fc.oneof(fc.constantFrom(...'abcXYZ019-_~!$&\'()*+,=:@'.split('')), encodedChar);
const segment = fc.array(segmentChar, { minLength: 1, maxLength: 6 }).map((chars) => chars.join(''));

const target = fc.record({
  prefix: fc.constantFrom('/alpha/items', '/alpha/items', '/alpha/files', '/beta/v1', '/beta/v1', '/alpha', '/alph', '/gamma').chain(spelled),
  rest: fc.array(segment, { minLength: 0, maxLength: 3 }),
  query: fc.option(fc.constantFrom('a=1', 'q=%2F..%2F', 'x=y&z'), { nil: undefined }),
});

function get(path: string): Promise<{ status: number; body: string }> {
  const url = new URL(gateway.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

it('forwards every accepted target to the canonical path under the target path, through the route it matches', async () => {
  let served = 0;
  await fc.assert(
    fc.asyncProperty(target, async ({ prefix, rest, query }) => {
      const path = [prefix, ...rest].join('/');
      const seen = upstream.received.length;
      const response = await get(query === undefined ? path : `${path}?${query}`);
      if (response.status === 400) return; // refused as ambiguous: the property covers accepted targets
      const canonical = oracleCanonical(path);
      const expected = expectedUpstreamPath(canonical);
      if (expected === null) {
        expect(response.status, `${path} -> ${response.body}`).toBe(404);
        expect(upstream.received.length).toBe(seen);
        return;
      }
      expect(response.status, `${path} -> ${response.body}`).toBe(200);
      expect(upstream.received.length).toBe(seen + 1);
      expect(upstream.received.at(-1)!.url).toBe(query === undefined ? expected : `${expected}?${query}`);
      served++;
    }),
    { numRuns: 400 },
  );
  expect(served, 'the generator reached the routes').toBeGreaterThan(100);
});
