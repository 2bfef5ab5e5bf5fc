import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { BadInput, type AccessRecord } from './access-record';
import { detectLineFormat, parseLogLine, type LineFormat } from './parse-log-line';
import { readHar } from './read-har';

export type FileFormat = LineFormat | 'har';

const PEEK_BYTES = 64 * 1024;
/** Lines looked at for the format of a line-based log. */
const HEADER_LINES = 20;

/** The file's format from its first bytes: a HAR document, JSON lines, or an ALB or combined log (the first of its first 20 lines that is one). */
export async function detectFileFormat(file: string): Promise<FileFormat | null> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(PEEK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, PEEK_BYTES, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    const firstLine = text.split('\n').find((line) => line.trim() !== '') ?? '';
    if (firstLine.trimStart().startsWith('{')) {
      const newline = text.indexOf('\n', text.indexOf(firstLine));
      if (newline !== -1 && !/^\s*\{\s*"log"\s*:/.test(firstLine)) {
        try {
          JSON.parse(firstLine);
          return 'jsonl';
        } catch {
          // Not one object per line: a (pretty-printed) HAR document.
        }
      }
      return /"log"\s*:/.test(text) ? 'har' : null;
    }
    // A header or a stray line before the first request does not hide the format.
    const lines = text.split('\n').filter((line) => line.trim() !== '').slice(0, HEADER_LINES);
    for (const line of lines) {
      const format = detectLineFormat(line);
      if (format !== null) return format;
    }
    return null;
  } finally {
    await handle.close();
  }
}

/** Records of the file, streamed; a line or entry that cannot be read comes as a BadInput naming where it is. */
export async function* readAccessFile(file: string, format: FileFormat, onBytes: (bytes: number) => void): AsyncGenerator<AccessRecord | BadInput> {
  if (format === 'har') {
    yield* readHar(file, onBytes);
    return;
  }
  const input = createReadStream(file);
  input.on('data', (chunk) => onBytes(chunk.length));
  const lines = createInterface({ input, crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === '') continue;
    try {
      yield parseLogLine(format as LineFormat, line);
    } catch (error) {
      if (!(error instanceof BadInput)) throw error;
      yield new BadInput(`line ${number}: ${error.message}: ${line.length > 80 ? `${line.slice(0, 80)}…` : line}`);
    }
  }
}
