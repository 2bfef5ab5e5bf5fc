import { getRequestLogEntry } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';

type Params = { id: string };

/** One request by its id and `?time=` (the log is keyed by both, as the list gives them). */
export const GET = apiRoute<Params>(async (ctx) => ({ body: await ctx.run(getRequestLogEntry, { ...ctx.query, id: ctx.params.id }) }));
