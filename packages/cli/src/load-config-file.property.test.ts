// Properties of the config file loader: whatever text a file holds, loading it either
// gives a config the schema accepts or refuses it with one of Tollgate's own errors
// (bad_request with file:line:column for YAML, invalid_params naming fields), never
// anything else.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZConfigFile } from '@tollgate/contracts';
import { isTollgateError } from '@tollgate/errors';
import { loadConfigFile } from './load-config-file';

const VALID = `apis:
  - slug: weather
    name: Weather
    basePath: /weather
    upstream:
      targets: [{ url: "http://127.0.0.1:4010" }]
    routes:
      - path: /forecast/{city}
plans:
  - slug: free
    name: Free
    apis: [weather]
`;

/** Pieces of YAML, so generated text reaches anchors, aliases, tags, flow collections and indentation. */
const TOKENS = [
  'apis:', 'plans:', 'teams:', '- ', 'slug: ', 'name: ', 'basePath: ', 'weather', '/weather', '1', '-1', 'null', 'true',
  '&a ', '*a', '*b', '&b ', '!!binary ', '!!set ', '!!str ', '? ', ': ', ':', ',', '{', '}', '[', ']', '"', "'", '#', '|', '>',
  '\n', '\n  ', '\n    ', '  ', '\t', '---\n', '...\n', '%YAML 1.2\n', '\\u0000', '\u0000', '\uFEFF', '\uD800',
];
const yamlish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((parts) => parts.join(''));
/** The valid file with a few characters inserted or removed at random places. */
const mutated = fc
  .array(fc.tuple(fc.nat({ max: VALID.length }), fc.nat({ max: 3 }), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 4 })
  .map((edits) => edits.reduce((text, [at, remove, insert]) => text.slice(0, at) + insert + text.slice(at + remove), VALID));

let dir: string;
let count = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tollgate-config-property-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(text: string): Promise<{ ok: true } | { ok: false; code: string; detail: string }> {
  const file = path.join(dir, `config-${(count += 1)}.yaml`);
  await writeFile(file, text);
  try {
    const { config } = await loadConfigFile(file);
    expect(ZConfigFile.safeParse(config).success).toBe(true);
    return { ok: true };
  } catch (error) {
    if (!isTollgateError(error)) throw new Error(`not a Tollgate error for ${JSON.stringify(text)}: ${String(error)}`);
    return { ok: false, code: error.code, detail: error.detail };
  } finally {
    await rm(file);
  }
}

function expectTollgateAnswer(result: Awaited<ReturnType<typeof load>>, text: string): void {
  if (result.ok) return;
  expect(['bad_request', 'invalid_params']).toContain(result.code);
  const position = /:(\d+):(\d+): invalid YAML/.exec(result.detail);
  if (position) expect(Number(position[1])).toBeLessThanOrEqual(text.split('\n').length + 1);
}

describe('loadConfigFile (properties)', () => {
  it('loads the valid file', async () => {
    expect(await load(VALID)).toEqual({ ok: true });
  });

  it('answers any YAML-like text with a config or a Tollgate error', async () => {
    await fc.assert(fc.asyncProperty(yamlish, async (text) => expectTollgateAnswer(await load(text), text)), { numRuns: 300 });
  });

  it('answers any small damage to a valid file with a config or a Tollgate error', async () => {
    await fc.assert(fc.asyncProperty(mutated, async (text) => expectTollgateAnswer(await load(text), text)), { numRuns: 300 });
  });

  it('regression: an alias to an anchor never set is invalid YAML, not a crash', async () => {
    expect(await load('apis: *nope\n')).toMatchObject({ ok: false, code: 'bad_request', detail: expect.stringContaining('invalid YAML') });
  });

  it('regression: a target URL that is no URL at all names its field instead of crashing the schema', async () => {
    expect(await load(VALID.replace('"http://127.0.0.1:4010"', '"#http://127.0.0.1:4010"'))).toMatchObject({ ok: false, code: 'invalid_params' });
  });

  it('regression: aliases that multiply into an exhausting document are refused', async () => {
    const rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c']]) rows.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    rows.push(`apis: [${Array(9).fill('*d').join(',')}]`);
    expect(await load(rows.join('\n'))).toMatchObject({ ok: false, code: 'bad_request', detail: expect.stringContaining('invalid YAML') });
  });
});
