import { getDiscoverySummary } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';

/** Counts per kind and the endpoints first seen on each of the last `days` days. */
export const GET = apiRoute(async (ctx) => ({ body: await ctx.run(getDiscoverySummary, ctx.query) }));
