import { z } from 'zod';

export const CATEGORIES = ['hardware', 'software', 'books', 'apparel', 'food'] as const;

export const ZNewProduct = z.strictObject({
  sku: z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,31}$/, 'must be 3-32 uppercase letters, digits and dashes'),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  category: z.enum(CATEGORIES),
  priceCents: z.int().min(0).max(100_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD').default('USD'),
  stock: z.int().min(0).default(0),
  tags: z.array(z.string().min(1).max(40)).max(10).default([]),
});
export type TNewProduct = z.infer<typeof ZNewProduct>;

export interface Product extends TNewProduct {
  id: string;
  createdAt: string;
}

export const ZProductListQuery = z.strictObject({
  category: z.enum(CATEGORIES).optional(),
  q: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TProductListQuery = z.infer<typeof ZProductListQuery>;
