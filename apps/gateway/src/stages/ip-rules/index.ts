import { TollgateError } from '@tollgate/errors';
import type { Stage } from '../../pipeline/types';
import { compileIpRanges, type IpRanges } from './ip-ranges';

export interface IpRulesConfig {
  readonly deny: IpRanges | null;
  /** null: every address not denied may call. */
  readonly allow: IpRanges | null;
}

/**
 * Per-API allow and deny lists (apis.policies.ipAllow / ipDeny), checked against the
 * client address that receive settled (the socket peer, or X-Forwarded-For behind a
 * trusted proxy), before authentication: a denied caller learns nothing about keys.
 */
export const ipRules: Stage<IpRulesConfig> = {
  name: 'ip-rules',
  phase: 'authenticate',
  priority: 900,
  configure({ route }) {
    if (route === null) return undefined;
    const { ipAllow, ipDeny } = route.api.policies;
    if (ipAllow === undefined && ipDeny === undefined) return undefined;
    return {
      deny: ipDeny !== undefined && ipDeny.length > 0 ? compileIpRanges(ipDeny) : null,
      allow: ipAllow !== undefined ? compileIpRanges(ipAllow) : null,
    };
  },
  run(ctx, config) {
    const ip = ctx.clientIp;
    if ((config.deny !== null && config.deny.has(ip)) || (config.allow !== null && !config.allow.has(ip))) {
      throw new TollgateError('ip_denied', { detail: 'Calls from your address are not allowed for this API.' });
    }
  },
};
