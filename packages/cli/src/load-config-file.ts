import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { ZConfigFile, toInvalidParams, type TConfigFile } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';

/** Reads and validates a config file; every problem names its field path. */
export async function loadConfigFile(file: string): Promise<{ config: TConfigFile; baseDir: string }> {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new TollgateError('bad_request', { detail: `cannot read ${file}: ${reason}` });
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, lineCounter });
  const yamlError = document.errors[0];
  if (yamlError) {
    const { line, col: column } = lineCounter.linePos(yamlError.pos[0]);
    throw new TollgateError('bad_request', { detail: `${file}:${line}:${column}: invalid YAML: ${yamlError.message.split('\n')[0]}` });
  }
  let value: unknown;
  try {
    // Throws for an alias whose anchor is never set, or aliases that multiply past yaml's cap.
    value = document.toJS();
  } catch (error) {
    throw new TollgateError('bad_request', { detail: `${file}: invalid YAML: ${(error as Error).message.split('\n')[0]}` });
  }
  const parsed = ZConfigFile.safeParse(value ?? {});
  if (!parsed.success) {
    const invalidParams = toInvalidParams(parsed.error);
    throw new TollgateError('invalid_params', { detail: `${file} is invalid`, invalidParams });
  }
  return { config: parsed.data, baseDir: path.dirname(absolute) };
}
