import { tooManyAttemptsMinutes } from './too-many-attempts';

/**
 * next-auth answers a throttled sign-in (authorize threw TooManyAttempts-N) like any failed
 * one, 401 with `{ url }`. Scripts deserve the real status: 429 with Retry-After. The sign-in
 * form reads the same `{ url }` and shows the wait.
 */
export async function throttledAs429(response: Response): Promise<Response> {
  if (response.status !== 401 || !response.headers.get('content-type')?.includes('application/json')) return response;
  const body = await response.text();
  let error: string | null = null;
  try {
    error = new URL((JSON.parse(body) as { url?: string }).url ?? '').searchParams.get('error');
  } catch {
    // not next-auth's { url } shape
  }
  const minutes = error ? tooManyAttemptsMinutes(error) : null;
  const headers = new Headers(response.headers);
  if (minutes !== null) headers.set('retry-after', String(minutes * 60));
  return new Response(body, { status: minutes === null ? response.status : 429, headers });
}
