// The catalog of one demo server: the seed products plus whatever clients add.
import type { Product, TNewProduct, TProductListQuery } from './product.schema';
import { SEED_CREATED_AT, SEED_PRODUCTS } from './seed-products';

const productId = (sequence: number): string => `prd_${String(sequence).padStart(4, '0')}`;

export function createCatalogStore(now: () => Date) {
  const products: Product[] = SEED_PRODUCTS.map((product, index) => ({
    id: productId(index + 1),
    ...product,
    createdAt: new Date(SEED_CREATED_AT + index * 3_600_000).toISOString(),
  }));

  return {
    list(query: TProductListQuery) {
      const needle = query.q?.toLowerCase();
      const matching = products.filter(
        (product) =>
          (!query.category || product.category === query.category) &&
          (!needle || product.name.toLowerCase().includes(needle) || product.tags.some((tag) => tag.includes(needle))),
      );
      return { items: matching.slice(query.offset, query.offset + query.limit), total: matching.length, limit: query.limit, offset: query.offset };
    },
    get(id: string): Product | undefined {
      return products.find((product) => product.id === id);
    },
    findBySku(sku: string): Product | undefined {
      return products.find((product) => product.sku === sku);
    },
    create(input: TNewProduct): Product {
      const product: Product = { id: productId(products.length + 1), ...input, createdAt: now().toISOString() };
      products.push(product);
      return product;
    },
  };
}

export type CatalogStore = ReturnType<typeof createCatalogStore>;
