import type { JWTVerifyGetKey } from 'jose';
import type { GatewayServices } from '../../pipeline/types';
import { RemoteKeySet } from './remote-key-set';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const registries = new WeakMap<GatewayServices, Map<string, JWTVerifyGetKey>>();

/**
 * One remote key set per JWKS URL for the life of the gateway process, so a config
 * reload keeps the cached keys (see RemoteKeySet for caching, rotation and the fetch
 * rate limit).
 *
 * Only https is fetched; http is allowed for 127.0.0.1/localhost when
 * GATEWAY_ALLOW_INSECURE_JWKS=1 (tests). Returns a reason string when the URL is refused.
 */
export function remoteKeySet(services: GatewayServices, jwksUrl: string): JWTVerifyGetKey | string {
  let url: URL;
  try {
    url = new URL(jwksUrl);
  } catch {
    return 'jwksUrl is not a URL';
  }
  const insecureAllowed = services.env.GATEWAY_ALLOW_INSECURE_JWKS && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && insecureAllowed)) {
    return 'jwksUrl must be https (http only to 127.0.0.1/localhost with GATEWAY_ALLOW_INSECURE_JWKS=1)';
  }
  if (url.username || url.password) return 'jwksUrl must not carry credentials';
  let registry = registries.get(services);
  if (!registry) registries.set(services, (registry = new Map()));
  let keySet = registry.get(url.href);
  if (!keySet) {
    keySet = new RemoteKeySet(url, {
      cooldownMs: services.env.GATEWAY_JWKS_COOLDOWN_MS,
      maxAgeMs: services.env.GATEWAY_JWKS_CACHE_MAX_AGE_MS,
      timeoutMs: services.env.GATEWAY_JWKS_TIMEOUT_MS,
    }).getKey;
    registry.set(url.href, keySet);
  }
  return keySet;
}
