// What the portal answers while its database does not: a 503 the person can read (a page
// of its own, no script, styles allowed by their hash alone) or problem+json for machines.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendProblem } from './send-problem';

/** Seconds a client is asked to wait; the database is probed every second meanwhile. */
const RETRY_AFTER_SECONDS = 10;

const STYLE = `
:root { color-scheme: light dark; --bg: #fafafa; --fg: #18181b; --muted: #52525b; --card: #ffffff; --border: #e4e4e7; --accent: #1d4ed8; }
@media (prefers-color-scheme: dark) { :root { --bg: #09090b; --fg: #fafafa; --muted: #a1a1aa; --card: #18181b; --border: #27272a; --accent: #93c5fd; } }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: var(--bg); color: var(--fg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { box-sizing: border-box; width: min(32rem, 100% - 2rem); padding: 2rem; border: 1px solid var(--border); border-radius: 0.75rem; background: var(--card); }
h1 { margin: 0 0 0.75rem; font-size: 1.25rem; line-height: 1.3; }
p { margin: 0 0 1rem; color: var(--muted); }
a { color: var(--accent); font-weight: 600; text-decoration: underline; }
a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
`;

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Temporarily unavailable · Tollgate</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Tollgate is temporarily unavailable</h1>
<p>The portal cannot reach its database right now, so this page cannot be shown. Calls to your APIs through the gateway are not affected.</p>
<p>Nothing you entered was saved. Wait a few seconds, then <a href="">try again</a>.</p>
</main>
</body>
</html>
`;

const PAGE_CONTENT_SECURITY_POLICY = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

/** Static files and the liveness check do not need the database. */
export function needsDatabase(url: string | undefined): boolean {
  const path = url?.split('?')[0] ?? '/';
  return !path.startsWith('/_next/') && path !== '/api/healthz' && path !== '/favicon.ico';
}

export function sendUnavailable(req: IncomingMessage, res: ServerResponse): void {
  const retryAfter = { 'retry-after': String(RETRY_AFTER_SECONDS) };
  const path = req.url?.split('?')[0] ?? '/';
  const wantsPage = !path.startsWith('/api/') && req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
  if (!wantsPage) {
    sendProblem(res, 'database_unavailable', 'The portal cannot reach its database. Try again in a few seconds.', retryAfter);
    return;
  }
  res.writeHead(503, {
    ...retryAfter,
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(PAGE),
    'cache-control': 'no-store',
    'content-security-policy': PAGE_CONTENT_SECURITY_POLICY,
  });
  res.end(PAGE);
}
