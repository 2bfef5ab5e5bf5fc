/**
 * Whether next-auth can work with this callbackUrl at all: a path, or an absolute http(s) URL
 * (a foreign origin is not malformed; the redirect callback sends it to the site's root).
 * next-auth itself answers anything else with an unhandled 500.
 */
export function validCallbackUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 2048) return false;
  if (value.startsWith('/')) return !value.startsWith('//') && !value.startsWith('/\\');
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}
