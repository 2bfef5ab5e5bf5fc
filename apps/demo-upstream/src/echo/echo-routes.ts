// `ANY /echo/{path}`: answers with what arrived (method, path, query, headers, body), so a
// gateway test can see exactly what was forwarded. `x-echo-status` picks the status code,
// `x-echo-delay-ms` delays the answer (for timeout and retry tests).
import type { ServerResponse } from 'node:http';
import { Problem } from '../http/problem';
import { readBody } from '../http/read-body';
import { sendJson } from '../http/respond';
import type { HttpMethod, RequestContext, Route } from '../http/router';

const METHODS: readonly HttpMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const MAX_DELAY_MS = 30_000;

function headerNumber(value: string | string[] | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(number) || number < min || number > max) {
    throw new Problem(400, 'Bad Request', `${name} must be an integer from ${min} to ${max}.`);
  }
  return number;
}

function delay(ms: number, res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    res.once('close', onClose);
  });
}

function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return query;
}

async function echo({ req, res, url }: RequestContext): Promise<void> {
  const status = headerNumber(req.headers['x-echo-status'], 'x-echo-status', 200, 599) ?? 200;
  const delayMs = headerNumber(req.headers['x-echo-delay-ms'], 'x-echo-delay-ms', 0, MAX_DELAY_MS) ?? 0;
  const body = await readBody(req);
  if (delayMs > 0 && !(await delay(delayMs, res))) return;
  const text = body.length ? body.toString('utf8') : null;
  let json: unknown;
  if (text !== null && /json/i.test(req.headers['content-type'] ?? '')) {
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      json = undefined;
    }
  }
  sendJson(res, status, {
    method: req.method,
    url: req.url,
    path: url.pathname,
    query: queryObject(url.searchParams),
    headers: req.headers,
    body: text,
    ...(json === undefined ? {} : { json }),
  });
}

export function echoRoutes(): Route[] {
  return METHODS.map((method) => ({ method, path: '/echo/{path}', wildcard: true, handle: echo }));
}
