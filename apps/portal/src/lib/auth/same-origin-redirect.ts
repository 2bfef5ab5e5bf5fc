import { safeCallbackUrl } from '@/lib/safe-callback-url';

/**
 * Where next-auth sends a person after signing in or out: a path on this site, or an
 * absolute URL with this site's origin; anything else (another origin, a malformed URL)
 * goes to the site's root. Never throws.
 */
export function sameOriginRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const path = typeof url === 'string' && url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
  const safe = safeCallbackUrl(path, '');
  return safe ? `${baseUrl}${safe}` : baseUrl;
}
