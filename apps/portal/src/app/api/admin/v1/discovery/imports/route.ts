import { apiRoute } from '@/lib/api-route';
import { importUploadedLog } from '@/server/discovery/import-uploaded-log';

/**
 * Imports an access log (nginx/Apache combined, AWS ALB, JSON lines) or a HAR file sent as
 * the raw request body, up to 1 GiB, streamed to disk; `?name=` names it in the audit log.
 */
export const POST = apiRoute(async (ctx) => ({ status: 201, body: await importUploadedLog(ctx.db, ctx.principal, ctx.request, ctx.meta) }), { streamBody: true });
