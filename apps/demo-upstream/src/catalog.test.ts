import { describe, expect, it } from 'vitest';
import { call, useDemoUpstream } from './testing';

const upstream = useDemoUpstream({ now: () => new Date('2026-03-10T12:00:00Z') });

interface Product {
  id: string;
  sku: string;
  name: string;
  category: string;
  priceCents: number;
  stock: number;
  tags: string[];
  createdAt: string;
}

const KEYBOARD = { sku: 'KB-200', name: 'Split Keyboard', category: 'hardware', priceCents: 15900 };

describe('catalog', () => {
  it('lists products with paging, category and search filters', async () => {
    const all = await call(upstream.url, '/catalog/products');
    expect(all.status).toBe(200);
    const page = all.body as { items: Product[]; total: number; limit: number; offset: number };
    expect(page).toMatchObject({ total: 12, limit: 20, offset: 0 });
    expect(page.items[0]).toMatchObject({ id: 'prd_0001', sku: 'KB-104', createdAt: '2026-01-05T09:00:00.000Z' });

    const second = (await call(upstream.url, '/catalog/products?limit=5&offset=5')).body as { items: Product[] };
    expect(second.items.map((product) => product.id)).toEqual(['prd_0006', 'prd_0007', 'prd_0008', 'prd_0009', 'prd_0010']);

    const books = (await call(upstream.url, '/catalog/products?category=books')).body as { items: Product[]; total: number };
    expect(books.total).toBe(3);
    expect(books.items.every((product) => product.category === 'books')).toBe(true);

    const search = (await call(upstream.url, '/catalog/products?q=KEYBOARD')).body as { items: Product[] };
    expect(search.items.map((product) => product.sku)).toEqual(['KB-104']);

    const bad = await call(upstream.url, '/catalog/products?limit=0&category=toys');
    expect(bad.status).toBe(400);
    expect((bad.body as { invalid_params: { name: string }[] }).invalid_params.map((param) => param.name).sort()).toEqual(['category', 'limit']);
  });

  it('reads one product and answers 404 for an unknown id', async () => {
    const found = await call(upstream.url, '/catalog/products/prd_0003');
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ id: 'prd_0003', sku: 'MON-27Q', priceCents: 32900 });
    const missing = await call(upstream.url, '/catalog/products/prd_9999');
    expect(missing.status).toBe(404);
    expect(missing.contentType).toBe('application/problem+json');
  });

  it('creates a product: 201 with Location, defaults filled in, then readable', async () => {
    const created = await call(upstream.url, '/catalog/products', { method: 'POST', json: KEYBOARD });
    expect(created.status).toBe(201);
    const product = created.body as Product;
    expect(product).toMatchObject({ ...KEYBOARD, id: 'prd_0013', currency: 'USD', stock: 0, tags: [], description: '', createdAt: '2026-03-10T12:00:00.000Z' });
    expect(created.headers.get('location')).toBe('/catalog/products/prd_0013');
    expect((await call(upstream.url, '/catalog/products/prd_0013')).body).toEqual(product);

    const duplicate = await call(upstream.url, '/catalog/products', { method: 'POST', json: KEYBOARD });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ productId: 'prd_0013' });
  });

  it('rejects invalid bodies with 422 and the offending fields', async () => {
    const invalid = await call(upstream.url, '/catalog/products', {
      method: 'POST',
      json: { sku: 'bad sku', name: '', category: 'toys', priceCents: -1, colour: 'red' },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.contentType).toBe('application/problem+json');
    const names = (invalid.body as { invalid_params: { name: string }[] }).invalid_params.map((param) => param.name);
    expect(names).toEqual(expect.arrayContaining(['sku', 'name', 'category', 'priceCents', '(body)']));
  });

  it('answers 400 for malformed JSON and 415 for another media type', async () => {
    const malformed = await call(upstream.url, '/catalog/products', { method: 'POST', body: '{"sku":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    const text = await call(upstream.url, '/catalog/products', { method: 'POST', body: 'sku=KB-1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(text.status).toBe(415);
  });
});
