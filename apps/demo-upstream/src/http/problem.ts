// The demo API's own errors, sent as RFC 9457 problem+json.
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface InvalidParam {
  name: string;
  reason: string;
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }

  body(instance: string): Record<string, unknown> {
    return {
      type: `https://demo.tollgate.dev/problems/${this.status}`,
      title: this.title,
      status: this.status,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      instance,
      ...this.extensions,
    };
  }
}

export const notFound = (detail: string): Problem => new Problem(404, 'Not Found', detail);

export const validationFailed = (invalidParams: InvalidParam[]): Problem =>
  new Problem(422, 'Unprocessable Content', 'The request body failed validation.', { invalid_params: invalidParams });
