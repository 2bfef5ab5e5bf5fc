import { expect } from 'vitest';

/** The headers every portal response must carry. */
export function expectSecurityHeaders(response: Response, { https }: { https: boolean }): void {
  const headers = response.headers;
  const where = `${response.status} ${response.url}`;
  expect(headers.get('content-security-policy'), where).toContain("frame-ancestors 'none'");
  expect(headers.get('referrer-policy'), where).toBe('strict-origin-when-cross-origin');
  expect(headers.get('x-content-type-options'), where).toBe('nosniff');
  expect(headers.get('permissions-policy'), where).toContain('camera=()');
  if (https) expect(headers.get('strict-transport-security'), where).toMatch(/^max-age=\d{7,}/);
  else expect(headers.get('strict-transport-security'), where).toBeNull();
}

/** An HTML page's policy allows only scripts with its nonce (and its own origin), and every script has it. */
export function expectScriptsCarryNonce(response: Response, html: string): void {
  const policy = response.headers.get('content-security-policy') ?? '';
  const nonce = policy.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce, `${response.url}: ${policy}`).toBeDefined();
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  // The only other origin a page may reach is the gateway's, for the API page's try-it.
  expect(policy).toMatch(/connect-src 'self'( https?:\/\/[^\s;]+)?;/);
  expect(policy.replace(/connect-src [^;]*;/, '')).not.toMatch(/https?:\/\//);
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script, response.url).toContain(`nonce="${nonce}"`);
}
