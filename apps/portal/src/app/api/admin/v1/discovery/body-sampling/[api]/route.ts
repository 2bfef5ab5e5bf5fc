import { setBodySampling } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { bodyObject } from '@/lib/api/body-object';

/** `{rate: N}` looks at 1 in N responses of the API's undocumented calls for sensitive-looking data; `{rate: null}` stops. */
export const PUT = apiRoute<{ api: string }>(async (ctx) => ({ body: await ctx.run(setBodySampling, { ...bodyObject(ctx.body), api: ctx.params.api }) }));
