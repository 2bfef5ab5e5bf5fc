import type { TGatewayInstance } from '@tollgate/contracts';
import { readTargets } from '../../gateways/_components/read-targets';

/** One upstream target across the gateways that reported it. */
export interface TargetAcrossGateways {
  api: string;
  url: string;
  /** Gateways whose last heartbeat lists the target. */
  reporting: number;
  /** Hostnames of the gateways that see it unhealthy (failing its check, ejected, or its circuit open). */
  unhealthyOn: string[];
}

export interface UpstreamHealth {
  /** Gateways whose heartbeat is recent (a silent gateway's report is stale and left out). */
  gateways: number;
  targets: TargetAcrossGateways[];
}

/** Every target the live gateways report (of one API when given), unhealthy ones first. */
export function upstreamHealth(gateways: readonly TGatewayInstance[], api?: string): UpstreamHealth {
  const live = gateways.filter((gateway) => gateway.lagReason !== 'no_heartbeat');
  const byTarget = new Map<string, TargetAcrossGateways>();
  for (const gateway of live) {
    for (const target of readTargets(gateway.status)) {
      if (api !== undefined && target.api !== api) continue;
      const key = `${target.api}\n${target.url}`;
      let entry = byTarget.get(key);
      if (entry === undefined) byTarget.set(key, (entry = { api: target.api, url: target.url, reporting: 0, unhealthyOn: [] }));
      entry.reporting++;
      if (!target.healthy || target.breaker === 'open') entry.unhealthyOn.push(gateway.hostname);
    }
  }
  const targets = [...byTarget.values()].sort((a, b) => b.unhealthyOn.length - a.unhealthyOn.length || a.api.localeCompare(b.api) || a.url.localeCompare(b.url));
  return { gateways: live.length, targets };
}
