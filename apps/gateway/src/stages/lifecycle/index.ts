import type { Stage } from '../../pipeline/types';

export interface LifecycleConfig {
  /** `Deprecation` (RFC 9745): `@` and the Unix time the API was deprecated. */
  readonly deprecation: string;
  /** `Sunset` (RFC 8594): the HTTP-date after which the API stops answering, or null. */
  readonly sunset: string | null;
}

/**
 * Announces a deprecated API on every response of its routes, the upstream's and the
 * gateway's own alike, so clients and their tooling see it before the API retires.
 * Routes of published APIs do not have the stage at all.
 */
export const lifecycle: Stage<LifecycleConfig> = {
  name: 'lifecycle',
  phase: 'authenticate',
  // Before CORS (1000) wraps the response head, so these headers can be exposed like any other.
  priority: 1100,
  configure({ route }) {
    if (route === null || route.api.status !== 'deprecated') return undefined;
    const { deprecatedAt, sunsetAt } = route.api;
    // An API deprecated before the date was recorded counts as deprecated since the epoch: the header still says "deprecated".
    const deprecatedMs = deprecatedAt === null ? 0 : Date.parse(deprecatedAt);
    return {
      deprecation: `@${Math.floor(deprecatedMs / 1000)}`,
      sunset: sunsetAt === null ? null : new Date(sunsetAt).toUTCString(),
    };
  },
  run(ctx, config) {
    ctx.res.setHeader('deprecation', config.deprecation);
    if (config.sunset !== null) ctx.res.setHeader('sunset', config.sunset);
  },
};
