import { describe, expect, it } from 'vitest';
import { TollgateError, toProblem } from './index';

describe('toProblem', () => {
  it('maps a TollgateError to its registered status, title and type', () => {
    const problem = toProblem(new TollgateError('invalid_api_key', { detail: 'No key matches.' }), 'req-1');
    expect(problem).toEqual({
      type: 'https://tollgate.dev/problems/invalid-api-key',
      title: 'Invalid API key',
      status: 401,
      detail: 'No key matches.',
      code: 'invalid_api_key',
      requestId: 'req-1',
    });
  });

  it('never leaks the message of an unknown error', () => {
    const problem = toProblem(new Error('connect ECONNREFUSED 10.0.0.7:5432'));
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('ECONNREFUSED');
  });

  it('keeps internal detail out of the public problem', () => {
    const error = new TollgateError('upstream_failed', { internal: 'socket hang up at 10.1.2.3' });
    expect(JSON.stringify(toProblem(error))).not.toContain('10.1.2.3');
    expect(error.message).toContain('10.1.2.3');
  });

  it('carries invalid_params and extensions, but extensions cannot override core members', () => {
    const problem = toProblem(
      new TollgateError('invalid_params', {
        invalidParams: [{ name: 'apis[0].slug', reason: 'Required' }],
        extensions: { status: 200, plan: 'free' },
      }),
    );
    expect(problem.status).toBe(400);
    expect(problem.plan).toBe('free');
    expect(problem.invalid_params).toEqual([{ name: 'apis[0].slug', reason: 'Required' }]);
  });
});
