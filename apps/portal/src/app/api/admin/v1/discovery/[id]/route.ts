import { getDiscoveredEndpoint } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';

type Params = { id: string };

export const GET = apiRoute<Params>(async (ctx) => ({ body: await ctx.run(getDiscoveredEndpoint, { id: ctx.params.id }) }));
