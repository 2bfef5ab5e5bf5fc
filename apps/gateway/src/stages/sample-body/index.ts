import { ResponseSample } from '../../adapters/discovery/response-sample';
import type { Stage } from '../../pipeline/types';
import { discoveryScope } from '../discover/discovery-scope';
import type { DocumentedPaths } from '../discover/documented-paths';

export interface SampleBodyConfig {
  readonly documented: DocumentedPaths;
  /** 1 in `rate` undocumented calls is sampled. */
  readonly rate: number;
  /** Undocumented calls seen on this route since the snapshot compiled. */
  seen: number;
}

/**
 * Body sampling for discovery, on routes of APIs that turned it on (`bodySampling`) whose
 * OpenAPI document does not describe every call: 1 in `rate` calls the document does not
 * describe gets a ResponseSample, which forward fills with a copy of the first 64 KiB as
 * it streams the response and discover reads after the response is over. Nothing is
 * added to the response or waited for; only the kinds found are kept.
 */
export const sampleBody: Stage<SampleBodyConfig> = {
  name: 'sample-body',
  phase: 'transform',
  // Last of its phase: a cache hit or a refused request is never sampled.
  priority: -100,
  configure({ route, services }) {
    const sampling = route?.api.policies.bodySampling;
    if (!services.discovery || route === null || sampling === undefined) return undefined;
    const documented = discoveryScope(route);
    if (documented === undefined || typeof documented === 'string') return undefined;
    return { documented, rate: sampling.rate, seen: 0 };
  },
  run(ctx, config) {
    if (ctx.upgrade !== null || config.documented.describes(ctx.req.method ?? 'GET', ctx.path)) return;
    if (config.seen++ % config.rate !== 0) return;
    ctx.responseSample = new ResponseSample();
  },
};
