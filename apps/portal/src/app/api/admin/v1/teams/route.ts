import { createTeam, listTeams } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { pageReply } from '@/lib/api/page-reply';

export const GET = apiRoute(async (ctx) => pageReply(ctx.url, await ctx.run(listTeams, ctx.query)));

export const POST = apiRoute(async (ctx) => {
  const team = await ctx.run(createTeam, ctx.body);
  return { status: 201, body: team, etag: true, headers: { Location: `${ctx.url.pathname}/${team.slug}` } };
});
