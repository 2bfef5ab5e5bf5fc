import { TollgateError, type InvalidParam } from '@tollgate/errors';
import type { GatewayContext } from '../../pipeline/context';
import type { Stage } from '../../pipeline/types';
import { continueIfExpected } from '../expect-continue';
import { readRequestBody, routeBodyLimits, type BodyLimits } from '../forward/request-body';
import { checkBody, checkParameters } from './check-request';
import { compileRequestValidator, type RequestValidator } from './compile-request-validator';

export interface ValidateConfig {
  /** Method -> checks from the API's OpenAPI document. */
  readonly byMethod: ReadonlyMap<string, RequestValidator>;
  /** Bodies are read whole (up to the route's limit) to be checked; forward sends what was read. */
  readonly body: BodyLimits;
}

/**
 * Checks requests on routes with `validateRequest` against the API's OpenAPI document:
 * path, query and header parameters, and a JSON body against its schema. Validators are
 * compiled when the snapshot loads (Ajv), never per request. A request that does not fit
 * gets 400 with invalid_params and never reaches the upstream; parameters are checked
 * before a client that sent `Expect: 100-continue` is asked for its body.
 */
export const validate: Stage<ValidateConfig> = {
  name: 'validate',
  phase: 'transform',
  // After the cache (1000): a hit needs no check, its request was checked when it was stored.
  priority: 500,
  configure({ route, services, warn }) {
    if (route === null) return undefined;
    const where = `api ${route.api.slug} route ${route.key}`;
    const policies = route.policies;
    if (!policies.validateRequest) return undefined;
    const document = route.api.openapi;
    if (typeof document !== 'object' || document === null) {
      warn(`${where}: validateRequest is on but the API has no OpenAPI document; requests are not checked`);
      return undefined;
    }
    const path = route.template.slice(route.stripPrefix.length) || '/';
    const byMethod = new Map<string, RequestValidator>();
    for (const method of route.methods) {
      const compiled = compileRequestValidator(document as Record<string, unknown>, path, method);
      if (typeof compiled === 'string') warn(`${where}: ${compiled}; ${method} requests are not checked`);
      else byMethod.set(method, compiled);
    }
    const get = byMethod.get('GET');
    if (get !== undefined && !byMethod.has('HEAD')) byMethod.set('HEAD', get);
    return byMethod.size > 0 ? { byMethod, body: { ...routeBodyLimits(services.env, policies.maxBodyBytes), bufferBytes: policies.maxBodyBytes } } : undefined;
  },
  run(ctx, config) {
    const validator = config.byMethod.get(ctx.req.method ?? '');
    if (validator === undefined || ctx.upgrade !== null) return undefined;
    const problems = checkParameters(ctx, validator.parameters);
    const bodyCheck = validator.body;
    if (bodyCheck === null) return refuseIf(problems);
    // Parameters are refused before the client is asked for its body.
    refuseIf(problems);
    continueIfExpected(ctx);
    const read = readRequestBody(ctx.req, config.body);
    const finish = (body: Buffer | null) => {
      ctx.requestBody = { body, replayable: true };
      refuseIf(checkBody(ctx, bodyCheck, body));
    };
    if (read instanceof Promise) return read.then((result) => finish(result.body as Buffer | null));
    finish(read.body as Buffer | null);
    return undefined;
  },
};

function refuseIf(problems: InvalidParam[]): undefined {
  if (problems.length === 0) return undefined;
  throw new TollgateError('invalid_params', { detail: 'The request does not match the API description.', invalidParams: problems });
}

export type { GatewayContext };
