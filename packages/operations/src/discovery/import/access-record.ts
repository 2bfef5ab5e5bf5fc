/** One request read from an access log or a HAR file. */
export interface AccessRecord {
  readonly method: string;
  /** Path without query string. */
  readonly path: string;
  readonly status: number;
  /** Lower-case host without port; '' when the log does not say. */
  readonly host: string;
  readonly time: Date | null;
  /** Client address or user, when the log has one. */
  readonly consumer: string;
  /** Whether the request carried credentials; null when the log cannot tell. */
  readonly credentials: boolean | null;
}

/** A line that could not be read: what the import prints, one line each. */
export class BadInput extends Error {}

const METHOD = /^[A-Z]{3,10}$/;

/** Splits a request target (`/a/b?q=1`, `https://host:443/a`) into host and path; null when it is not one. */
export function splitTarget(target: string): { host: string; path: string } | null {
  let host = '';
  let path = target;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    try {
      const url = new URL(target);
      host = url.hostname.toLowerCase();
      path = url.pathname;
    } catch {
      return null;
    }
  }
  const query = path.search(/[?#]/);
  if (query !== -1) path = path.slice(0, query);
  if (!path.startsWith('/')) return null;
  return { host, path };
}

export function checkMethod(method: string): string {
  const upper = method.toUpperCase();
  if (!METHOD.test(upper)) throw new BadInput(`"${method.slice(0, 20)}" is not an HTTP method`);
  return upper;
}

export function hostOf(value: unknown): string {
  if (typeof value !== 'string' || value === '' || value === '-') return '';
  return value.toLowerCase().replace(/:\d+$/, '');
}
