/**
 * The Content-Security-Policy of an HTML page. Next.js renders a few inline scripts (the
 * React Server Components payload, hydration bootstrap); it reads the nonce from this
 * request header (set by proxy.ts) and adds it to each of them. 'strict-dynamic' lets those
 * scripts load the page's chunks; nothing comes from another origin. Styles may be inline:
 * React style attributes, Radix primitives, sonner and the API reference renderer (which
 * insert their own <style> elements without a nonce) need it, and a style cannot run code.
 * Scripts may connect to this origin and to the gateway's public origin only: the API pages'
 * try-it calls the gateway from the browser.
 */
export function pageContentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean; gatewayOrigin: string }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${options.gatewayOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}
