import { blockDiscoveredEndpoint, ignoreDiscoveredEndpoint, mergeDiscoveredEndpoints, promoteDiscoveredEndpoint, splitDiscoveredEndpoint, type Operation } from '@tollgate/operations';

/** POST /discovery/{id}/<action>: the operation behind each action. */
export const DISCOVERY_ACTIONS = {
  promote: promoteDiscoveredEndpoint,
  block: blockDiscoveredEndpoint,
  ignore: ignoreDiscoveredEndpoint,
  split: splitDiscoveredEndpoint,
  merge: mergeDiscoveredEndpoints,
} as const satisfies Record<string, Operation>;

export type DiscoveryAction = keyof typeof DISCOVERY_ACTIONS;
