// The CLI's one reader of its own settings (the database URL is resolved by @tollgate/db).

export interface AdminApiTarget {
  /** The portal's base URL, e.g. https://portal.example.com. */
  url: string;
  /** A personal admin token, or ADMIN_TOKEN. */
  token: string;
}

/** TOLLGATE_URL with TOLLGATE_TOKEN (or ADMIN_TOKEN): the CLI talks to the admin API; otherwise to the database. */
export function adminApiTarget(env: NodeJS.ProcessEnv = process.env): AdminApiTarget | null {
  const url = env.TOLLGATE_URL?.trim();
  if (!url) return null;
  const token = env.TOLLGATE_TOKEN?.trim() || env.ADMIN_TOKEN?.trim();
  if (!token) throw new Error('TOLLGATE_URL is set but no token: set TOLLGATE_TOKEN to an admin token (or ADMIN_TOKEN)');
  return { url: url.replace(/\/+$/, ''), token };
}

/** TOLLGATE_ALLOW_INSECURE_WEBHOOKS=1: http to loopback allowed for webhooks (local work, tests). */
export function allowInsecureWebhooks(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['1', 'true'].includes(env.TOLLGATE_ALLOW_INSECURE_WEBHOOKS ?? '');
}
