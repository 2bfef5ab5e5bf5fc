import type { IncomingHttpHeaders } from 'node:http';

/**
 * The API key a request carries: `Authorization: Bearer`, then `X-Api-Key`, then the
 * `api_key` query parameter (only when `query` is passed, i.e. the route allows it).
 */
export function extractApiKey(headers: IncomingHttpHeaders, query: string): string | undefined {
  const authorization = headers.authorization;
  if (authorization !== undefined && authorization.length > 7 && /^bearer /i.test(authorization)) {
    return authorization.slice(7).trim();
  }
  const header = headers['x-api-key'];
  if (typeof header === 'string' && header !== '') return header.trim();
  if (query !== '') return queryParam(query, 'api_key');
  return undefined;
}

/** The `Authorization: Bearer` value, or undefined. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const authorization = headers.authorization;
  if (authorization === undefined || authorization.length <= 7 || !/^bearer /i.test(authorization)) return undefined;
  const token = authorization.slice(7).trim();
  return token === '' ? undefined : token;
}

/** One query parameter's decoded value, without parsing the whole query. */
export function queryParam(query: string, name: string): string | undefined {
  let start = 0;
  while (start <= query.length) {
    let end = query.indexOf('&', start);
    if (end === -1) end = query.length;
    if (end - start > name.length && query.startsWith(name, start) && query.charCodeAt(start + name.length) === 61) {
      const raw = query.slice(start + name.length + 1, end);
      try {
        return decodeURIComponent(raw.replaceAll('+', ' '));
      } catch {
        return raw;
      }
    }
    start = end + 1;
  }
  return undefined;
}
