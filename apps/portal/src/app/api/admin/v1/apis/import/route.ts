import { importApi } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';

/** Creates or updates an API and its routes from an OpenAPI 3.0/3.1 document (the text, or a URL the server fetches). */
export const POST = apiRoute(async (ctx) => {
  const result = await ctx.run(importApi, ctx.body);
  return { status: result.created ? 201 : 200, body: result, headers: { Location: `/api/admin/v1/apis/${result.api.slug}` } };
});
