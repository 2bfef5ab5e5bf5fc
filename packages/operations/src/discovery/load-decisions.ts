import type { DiscoveryDecisions } from '@tollgate/domain';
import type { Tx } from '../core/define-operation';

export interface HostDecisions {
  readonly templaterDecisions: DiscoveryDecisions;
  /** The template a merge sends `template` to, or `template` itself. */
  mergeInto(template: string): string;
}

export interface Decisions {
  forHost(host: string): HostDecisions;
}

/** Admins' splits and merges; a decision stored for host '' holds on every host. */
export async function loadDecisions(tx: Tx): Promise<Decisions> {
  const rows = await tx.discoveryDecision.findMany({ orderBy: { createdAt: 'asc' } });
  return {
    forHost(host) {
      const mine = rows.filter((row) => row.host === '' || row.host === host);
      const splits = mine.filter((row) => row.kind === 'split').map((row) => row.template);
      const merges = mine.filter((row) => row.kind === 'merge' && row.into !== null).map((row) => [row.template, row.into!] as const);
      const byTemplate = new Map(merges);
      return {
        templaterDecisions: { splits, merges },
        mergeInto(template) {
          let current = template;
          for (let hops = 0; hops < 8 && byTemplate.has(current); hops++) current = byTemplate.get(current)!;
          return current;
        },
      };
    },
  };
}
