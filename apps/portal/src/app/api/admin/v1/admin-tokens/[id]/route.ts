import { getAdminToken, revokeAdminToken } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';

type Params = { id: string };

export const GET = apiRoute<Params>(async (ctx) => ({ body: await ctx.run(getAdminToken, { id: ctx.params.id }), etag: true }));

/** Revokes the token; it stays listed with its revokedAt. */
export const DELETE = apiRoute<Params>(async (ctx) => ({ body: await ctx.run(revokeAdminToken, { id: ctx.params.id }), etag: true }));
