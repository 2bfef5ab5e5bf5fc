import 'server-only';
import { notFound } from 'next/navigation';

/** For pages reading by a slug from the URL: a record that is missing, hidden or malformed is the 404 page. */
export function notFoundOnMissing(error: unknown): never {
  const code = (error as { code?: string }).code;
  if (code === 'not_found' || code === 'invalid_params') notFound();
  throw error;
}
