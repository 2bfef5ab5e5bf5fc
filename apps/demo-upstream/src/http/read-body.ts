import type { IncomingMessage } from 'node:http';
import { Problem } from './problem';

const MAX_BODY_BYTES = 1024 * 1024;

/** The whole request body as a Buffer; 413 past 1 MiB. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Problem(413, 'Content Too Large', `The body exceeds ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON request body: 415 for another media type, 400 for malformed JSON. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json' && !type?.endsWith('+json')) {
    throw new Problem(415, 'Unsupported Media Type', 'Send the body as application/json.');
  }
  const body = await readBody(req);
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new Problem(400, 'Bad Request', 'The body is not valid JSON.');
  }
}
