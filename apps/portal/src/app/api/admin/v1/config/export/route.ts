import { exportConfigFile } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';

/** The whole config as a file that applies back unchanged: keys as hashes, OpenAPI documents inline. */
export const GET = apiRoute(async (ctx) => ({ status: 200, body: await ctx.run(exportConfigFile, {}) }));
