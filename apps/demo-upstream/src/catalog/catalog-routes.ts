import { parseBody, parseQuery } from '../http/parse-input';
import { Problem, notFound } from '../http/problem';
import { readJson } from '../http/read-body';
import { sendJson } from '../http/respond';
import type { Route } from '../http/router';
import type { CatalogStore } from './catalog-store';
import { ZNewProduct, ZProductListQuery } from './product.schema';

export function catalogRoutes(store: CatalogStore): Route[] {
  return [
    {
      method: 'GET',
      path: '/catalog/products',
      handle: ({ res, url }) => sendJson(res, 200, store.list(parseQuery(url, ZProductListQuery))),
    },
    {
      method: 'POST',
      path: '/catalog/products',
      handle: async ({ req, res }) => {
        const input = parseBody(await readJson(req), ZNewProduct);
        const existing = store.findBySku(input.sku);
        if (existing) throw new Problem(409, 'Conflict', `A product with SKU "${input.sku}" already exists.`, { productId: existing.id });
        const product = store.create(input);
        sendJson(res, 201, product, { location: `/catalog/products/${product.id}` });
      },
    },
    {
      method: 'GET',
      path: '/catalog/products/{id}',
      handle: ({ res, params }) => {
        const product = store.get(params.id ?? '');
        if (!product) throw notFound(`No product "${params.id}".`);
        sendJson(res, 200, product);
      },
    },
  ];
}
