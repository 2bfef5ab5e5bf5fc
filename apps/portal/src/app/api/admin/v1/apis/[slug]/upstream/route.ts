import { getUpstream, updateUpstream, upstreamEtag } from '@tollgate/operations';
import { TollgateError } from '@tollgate/errors';
import { apiRoute, type ApiContext } from '@/lib/api-route';
import { bodyObject } from '@/lib/api/body-object';

type Params = { slug: string };

/** The upstream as a read shows it; its ETag covers what a write replaces, not the targets' live health. */
async function readUpstream(ctx: ApiContext<Params>) {
  const upstream = await ctx.run(getUpstream, { apiSlug: ctx.params.slug });
  if (upstream === null) throw new TollgateError('not_found', { detail: `API ${ctx.params.slug} has no upstream yet: PUT one.` });
  return { body: upstream, headers: { ETag: upstreamEtag(upstream) } };
}

export const GET = apiRoute<Params>(readUpstream);

/** Replaces the targets, balancing and traffic split; `If-Match` with a read's ETag refuses a stale write (412). */
export const PUT = apiRoute<Params>(async (ctx) => {
  await ctx.run(updateUpstream, { ...bodyObject(ctx.body), apiSlug: ctx.params.slug });
  return readUpstream(ctx);
});
