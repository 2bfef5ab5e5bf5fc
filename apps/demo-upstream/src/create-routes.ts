import { catalogRoutes } from './catalog/catalog-routes';
import { createCatalogStore } from './catalog/catalog-store';
import { echoRoutes } from './echo/echo-routes';
import { sendJson } from './http/respond';
import type { Route } from './http/router';
import { openApiRoutes } from './openapi/openapi-routes';
import { paymentsRoutes } from './payments/payments-routes';
import { createPaymentsStore } from './payments/payments-store';
import { weatherRoutes } from './weather/weather-routes';

/** Every route of the demo API, each with fresh in-memory state. */
export function createRoutes(now: () => Date): Route[] {
  const startedAt = Date.now();
  return [
    {
      method: 'GET',
      path: '/healthz',
      handle: ({ res }) => sendJson(res, 200, { status: 'ok', uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000) }),
    },
    ...openApiRoutes(),
    ...weatherRoutes(now),
    ...catalogRoutes(createCatalogStore(now)),
    ...paymentsRoutes(createPaymentsStore(now)),
    ...echoRoutes(),
  ];
}
