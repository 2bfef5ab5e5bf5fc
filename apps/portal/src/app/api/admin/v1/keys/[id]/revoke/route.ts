import { revokeKey } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';

type Params = { id: string };

/** Gateways refuse the key within a second; revoking twice answers the same key. */
export const POST = apiRoute<Params>(async (ctx) => ({ body: await ctx.run(revokeKey, { id: ctx.params.id }), etag: true }));
