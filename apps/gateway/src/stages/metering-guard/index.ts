import { TollgateError } from '@tollgate/errors';
import type { SpoolHealth } from '../../adapters/usage-sink/usage-sink';
import type { Stage } from '../../pipeline/types';

export interface MeteringGuardConfig {
  readonly spool: SpoolHealth;
}

export function meteringUnavailable(): TollgateError {
  return new TollgateError('metering_unavailable', {
    detail: 'Usage cannot be recorded right now, so billable calls are paused. Retry shortly.',
    headers: { 'retry-after': '5' },
  });
}

/**
 * A billable call is only served while its usage can be recorded: when the usage spool's
 * disk is full (or failing), an authenticated request is refused with 503
 * metering_unavailable before it spends limits or reaches the upstream, and counted.
 * Keyless routes are never billed and keep being served.
 */
export const meteringGuard: Stage<MeteringGuardConfig> = {
  name: 'metering-guard',
  phase: 'limit',
  // Before limit (priority 0): a refused call spends no rate limit or quota.
  priority: 10,
  configure({ route, services }) {
    if (route === null || route.auth === 'none' || !services.spool) return undefined;
    return { spool: services.spool };
  },
  run(ctx, config) {
    if (!config.spool.diskFull || ctx.principal === null) return;
    config.spool.shed();
    throw meteringUnavailable();
  },
};
