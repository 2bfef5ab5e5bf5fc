import { listBodySampling, setBodySampling } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';

/** Every API with its body sampling rate (null: off). */
export const GET = apiRoute(async (ctx) => ({ body: await ctx.run(listBodySampling, {}) }));

/** `{api, rate: N}` looks at 1 in N responses of the API's undocumented calls for sensitive-looking data; `{api, rate: null}` stops. */
export const PUT = apiRoute(async (ctx) => ({ body: await ctx.run(setBodySampling, ctx.body) }));
