import { applyConfigFile } from '@tollgate/operations';
import { env } from '@/env';
import { apiRoute } from '@/lib/api-route';

/** Applies a config file (`dryRun: true` for a diff); OpenAPI documents must be inline. Up to PORTAL_MAX_BODY_BYTES. */
export const POST = apiRoute(async (ctx) => ({ status: 200, body: await applyConfigFile(ctx.db, ctx.principal, ctx.body, ctx.meta) }), { maxBodyBytes: env.PORTAL_MAX_BODY_BYTES });
