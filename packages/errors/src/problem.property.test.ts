// Properties of the problem+json encoder: whatever is thrown, toProblem answers a problem
// that serializes, parses back to itself, keeps its registered status, title and type,
// and says nothing the caller may not see.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, problemType, type ErrorCode } from './codes';
import { toProblem } from './problem';
import { TollgateError } from './tollgate-error';

const CODES = Object.keys(ERROR_CODES) as ErrorCode[];
const CORE = ['type', 'title', 'status', 'detail', 'code', 'requestId', 'invalid_params'];

/** Any text, lone surrogates and control characters included. */
const text = fc.string({ unit: 'binary', maxLength: 80 });
const key = fc.oneof(text, fc.constantFrom(...CORE, '__proto__', 'constructor'));

const tollgateError = fc
  .record({
    code: fc.constantFrom(...CODES),
    detail: fc.option(text, { nil: undefined }),
    internal: fc.option(text, { nil: undefined }),
    invalidParams: fc.option(fc.array(fc.record({ name: text, reason: text }), { maxLength: 4 }), { nil: undefined }),
    extensions: fc.option(fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }), { nil: undefined }),
  })
  .map(({ code, ...options }) => ({ code, options, error: new TollgateError(code, options) }));

/** Things code might throw that are not Tollgate's own errors, some dressed up to look like one. */
const foreignThrow = fc.oneof(
  fc.anything(),
  fc.string().map((message) => new Error(message)),
  fc.record({ name: fc.constant('TollgateError'), code: text, detail: text, status: fc.integer() }),
);

describe('toProblem (properties)', () => {
  it('encodes any Tollgate error as a problem that round-trips through JSON with its registered members', () => {
    fc.assert(
      fc.property(tollgateError, fc.option(text, { nil: undefined }), ({ code, options, error }, requestId) => {
        const problem = toProblem(error, requestId);
        const parsed = JSON.parse(JSON.stringify(problem)) as Record<string, unknown>;
        expect(parsed).toEqual(JSON.parse(JSON.stringify(problem)));
        expect(parsed.status).toBe(ERROR_CODES[code].status);
        expect(parsed.title).toBe(ERROR_CODES[code].title);
        expect(parsed.type).toBe(problemType(code));
        expect(parsed.code).toBe(code);
        expect(parsed.detail).toBe(options.detail ?? ERROR_CODES[code].title);
        if (requestId) expect(parsed.requestId).toBe(requestId);
        else expect(parsed).not.toHaveProperty('requestId');
        if (options.invalidParams?.length) expect(parsed.invalid_params).toEqual(options.invalidParams);
        else expect(parsed).not.toHaveProperty('invalid_params');
        if (options.internal && options.internal !== options.detail) {
          expect(Object.values(parsed)).not.toContain(options.internal);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('answers anything else thrown with the bare 500, nothing of it repeated', () => {
    const bare = JSON.stringify(toProblem(new Error('x'), 'req'));
    fc.assert(
      fc.property(foreignThrow, (thrown) => {
        expect(JSON.stringify(toProblem(thrown, 'req'))).toBe(bare);
      }),
      { numRuns: 500 },
    );
  });

  it('regression: an object named TollgateError with a code Tollgate does not know is a foreign error', () => {
    const impostor = { name: 'TollgateError', code: 'no_such_code', detail: 'secret at 10.0.0.7' };
    expect(toProblem(impostor, 'req')).toMatchObject({ status: 500, code: 'internal_error' });
  });
});
