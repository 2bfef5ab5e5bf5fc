import { TollgateError } from '@tollgate/errors';
import { apiRoute } from '@/lib/api-route';

/** Any other path under /api/admin/v1 is a problem+json 404, not the portal's HTML page. */
const notFound = apiRoute(async (ctx) => {
  throw new TollgateError('not_found', { detail: `No admin API resource at ${ctx.url.pathname}.` });
}, { auth: false });

export { notFound as GET, notFound as POST, notFound as PATCH, notFound as PUT, notFound as DELETE };
