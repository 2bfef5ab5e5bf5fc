import { listBodySampling } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';

/** Every API with its body sampling rate (null: off). */
export const GET = apiRoute(async (ctx) => ({ body: await ctx.run(listBodySampling, {}) }));
