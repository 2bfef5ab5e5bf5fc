import { ERROR_CODES, isErrorCode, type ErrorCode } from './codes';

export interface InvalidParam {
  /** Dotted path to the field, e.g. `apis[0].routes[1].path`. */
  name: string;
  reason: string;
}

export interface TollgateErrorOptions {
  /** Shown to the caller. Defaults to the code's title. */
  detail?: string;
  /** Kept for logs only; never sent on the wire. */
  internal?: string;
  invalidParams?: InvalidParam[];
  /** Extra public members of the problem (e.g. `plan`, `limit`, `resetAt`). */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
  cause?: unknown;
}

/** The one error class. Check errors by `code`, never by instanceof across packages. */
export class TollgateError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string;
  readonly invalidParams?: InvalidParam[];
  readonly extensions?: Record<string, unknown>;
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, options: TollgateErrorOptions = {}) {
    super(options.internal ?? options.detail ?? ERROR_CODES[code].title, { cause: options.cause });
    this.name = 'TollgateError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.detail = options.detail ?? ERROR_CODES[code].title;
    this.invalidParams = options.invalidParams;
    this.extensions = options.extensions;
    this.headers = options.headers;
  }
}

export function isTollgateError(error: unknown): error is TollgateError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'TollgateError' &&
    isErrorCode((error as { code?: unknown }).code)
  );
}
