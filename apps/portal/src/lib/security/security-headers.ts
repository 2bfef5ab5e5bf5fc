// Headers that every portal response carries: pages, route handlers, next-auth's endpoints,
// static files and the server's own refusals (413, 400). The portal server sets them before
// Next.js sees the request; proxy.ts replaces the Content-Security-Policy of pages with one
// that carries the request's nonce.

/** For responses that are not HTML pages (JSON, files, errors): nothing may run, load or frame them. */
export const NON_PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ');

/** The headers for one response; HSTS only when the portal is served over https. */
export function securityHeaders(https: boolean): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': NON_PAGE_CONTENT_SECURITY_POLICY,
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
