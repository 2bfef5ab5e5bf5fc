import { forbidden } from 'next/navigation';
import { connection } from 'next/server';

/**
 * Where the proxy rewrites console requests from people without the admin role: rendered at
 * request time so forbidden() answers 403 with src/app/forbidden.tsx.
 */
export default async function ForbiddenPage(): Promise<never> {
  await connection();
  forbidden();
}
