import { ZApiPolicies } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { z } from 'zod';
import type { Stage } from '../../pipeline/types';
import { compileIpRanges, type IpRanges } from './ip-ranges';

export interface IpRulesConfig {
  readonly deny: IpRanges | null;
  /** null: every address not denied may call. */
  readonly allow: IpRanges | null;
}

const ZIpRules = z.object({ ipAllow: ZApiPolicies.shape.ipAllow, ipDeny: ZApiPolicies.shape.ipDeny });
/** A policy that does not parse locks the API rather than opening it. */
const DENY_ALL: IpRulesConfig = { deny: null, allow: compileIpRanges([]) };

/**
 * Per-API allow and deny lists (apis.policies.ipAllow / ipDeny), checked against the
 * client address that receive settled (the socket peer, or X-Forwarded-For behind a
 * trusted proxy), before authentication: a denied caller learns nothing about keys.
 */
export const ipRules: Stage<IpRulesConfig> = {
  name: 'ip-rules',
  phase: 'authenticate',
  priority: 900,
  configure({ route, warn }) {
    if (route === null || route.api.policies === null || typeof route.api.policies !== 'object') return undefined;
    const parsed = ZIpRules.safeParse(route.api.policies);
    if (!parsed.success) {
      warn(`api ${route.api.slug}: IP rules do not parse, every caller is refused (${parsed.error.issues.map((issue) => issue.message).join('; ')})`);
      return DENY_ALL;
    }
    const { ipAllow, ipDeny } = parsed.data;
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
