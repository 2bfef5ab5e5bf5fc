import { createSignInLink } from '@tollgate/operations';
import { apiRoute } from '@/lib/api-route';
import { bodyObject } from '@/lib/api/body-object';
import { publicOrigin } from '@/lib/public-origin';
import { accountLink } from '@/server/accounts/account-mail';

type Params = { slug: string };

/** A one-time sign-in link for a member of the team; the secret is in the answer only, never stored. */
export const POST = apiRoute<Params>(async (ctx) => {
  const link = await ctx.run(createSignInLink, { ...bodyObject(ctx.body), team: ctx.params.slug });
  const url = accountLink(await publicOrigin(ctx.request), '/signin/link', link.token, { next: link.redirectTo });
  return { status: 201, body: { url, expires_at: link.expiresAt.toISOString() } };
});
