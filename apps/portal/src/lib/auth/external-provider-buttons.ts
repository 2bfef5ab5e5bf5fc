import type { PortalEnv } from '@/env';

export interface ExternalProviderButton {
  id: 'github' | 'oidc';
  name: string;
}

/** The sign-in buttons for the identity providers the environment configures (GITHUB_*, OIDC_*). */
export function externalProviderButtons(config: Pick<PortalEnv, 'GITHUB' | 'OIDC'>): ExternalProviderButton[] {
  return [...(config.GITHUB ? [{ id: 'github' as const, name: 'GitHub' }] : []), ...(config.OIDC ? [{ id: 'oidc' as const, name: 'single sign-on' }] : [])];
}
