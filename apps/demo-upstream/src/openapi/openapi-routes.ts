import { sendText } from '../http/respond';
import type { Route } from '../http/router';
import { loadOpenApiDocument } from './openapi-document';

export function openApiRoutes(): Route[] {
  const document = loadOpenApiDocument();
  return [
    { method: 'GET', path: '/openapi.yaml', handle: ({ res }) => sendText(res, 200, 'application/yaml; charset=utf-8', document.yaml) },
    { method: 'GET', path: '/openapi.json', handle: ({ res }) => sendText(res, 200, 'application/json; charset=utf-8', document.json) },
  ];
}
