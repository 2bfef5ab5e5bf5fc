import { apiRoute } from '@/lib/api-route';
import { ADMIN_ENDPOINTS } from '@/lib/openapi/admin-endpoints';
import { buildAdminOpenApi } from '@/lib/openapi/build-admin-openapi';

const document = buildAdminOpenApi(ADMIN_ENDPOINTS, '1.0.0');

/** The admin API's OpenAPI 3.1 document, generated from the schemas the handlers validate with. Public. */
export const GET = apiRoute(async () => ({ body: document, etag: true }), { auth: false });
