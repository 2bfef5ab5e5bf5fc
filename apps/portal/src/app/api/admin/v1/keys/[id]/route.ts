import { getKey } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';

type Params = { id: string };

export const GET = apiRoute<Params>(async (ctx) => ({ body: await ctx.run(getKey, { id: ctx.params.id }), etag: true }));
