import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectFileFormat } from './read-access-file';

const COMBINED = '10.0.0.1 - - [06/Dec/2026:10:00:01 +0000] "GET /a/1 HTTP/1.1" 200 5 "-" "curl/8"';
let dir: string;
const file = async (name: string, text: string) => {
  const where = path.join(dir, name);
  await writeFile(where, text);
  return where;
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tollgate-detect-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('detectFileFormat', () => {
  it('reads the format of a log past a header or stray first lines', async () => {
    expect(await detectFileFormat(await file('plain.log', `${COMBINED}\n`))).toBe('combined');
    expect(await detectFileFormat(await file('header.log', `# access log of web-1\nrotated at 00:00\n${COMBINED}\n`))).toBe('combined');
  });
  it('tells JSON lines from a HAR document, and knows nothing else', async () => {
    expect(await detectFileFormat(await file('a.jsonl', '{"method":"GET","path":"/a"}\n{"method":"GET","path":"/b"}\n'))).toBe('jsonl');
    expect(await detectFileFormat(await file('a.har', '{\n  "log": { "entries": [] }\n}\n'))).toBe('har');
    expect(await detectFileFormat(await file('notes.txt', 'hello\nthis is not a log\n'))).toBeNull();
  });
});
