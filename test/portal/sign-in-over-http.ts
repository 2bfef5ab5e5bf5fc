// Signs in to a running portal the way next-auth's own client does (CSRF token, then a form
// POST to the credentials callback with json=true), without a browser.

export interface SignInOutcome {
  status: number;
  /** next-auth's error code (CredentialsSignin, TooManyAttempts-N), or null on success. */
  error: string | null;
  signedIn: boolean;
  /** The cookies to send as the signed-in person. */
  cookie: string;
  retryAfter: string | null;
}

export function cookiesOf(response: Response): string {
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
}

export async function signInOverHttp(
  portalUrl: string,
  credentials: { email: string; password: string },
  headers: Record<string, string> = {},
): Promise<SignInOutcome> {
  const csrf = await fetch(`${portalUrl}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${portalUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, cookie: cookiesOf(csrf), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...credentials, csrfToken, json: 'true' }),
  });
  const text = await response.text();
  let error: string | null = null;
  try {
    error = new URL((JSON.parse(text) as { url: string }).url).searchParams.get('error');
  } catch {
    throw new Error(`sign-in answered ${response.status} without next-auth's { url }: ${text.slice(0, 300)}`);
  }
  return {
    status: response.status,
    error,
    signedIn: cookiesOf(response).includes('session-token='),
    cookie: cookiesOf(response),
    retryAfter: response.headers.get('retry-after'),
  };
}
