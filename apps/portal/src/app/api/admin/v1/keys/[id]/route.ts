import { getKey, updateKey } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { bodyObject } from '@/lib/api/body-object';

type Params = { id: string };

export const GET = apiRoute<Params>(async (ctx) => ({ body: await ctx.run(getKey, { id: ctx.params.id }), etag: true }));

export const PATCH = apiRoute<Params>(async (ctx) => ({ body: await ctx.run(updateKey, { ...bodyObject(ctx.body), id: ctx.params.id }), etag: true }));
