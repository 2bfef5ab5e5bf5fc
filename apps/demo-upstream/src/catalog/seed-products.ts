import type { TNewProduct } from './product.schema';

/** The products every fresh demo server starts with, in id order. */
export const SEED_PRODUCTS: readonly TNewProduct[] = [
  { sku: 'KB-104', name: 'Mechanical Keyboard', description: 'Tenkeyless, brown switches, USB-C.', category: 'hardware', priceCents: 8900, currency: 'USD', stock: 42, tags: ['peripherals'] },
  { sku: 'MS-220', name: 'Wireless Mouse', description: 'Six buttons, 70 days on one charge.', category: 'hardware', priceCents: 3900, currency: 'USD', stock: 120, tags: ['peripherals', 'wireless'] },
  { sku: 'MON-27Q', name: '27" QHD Monitor', description: '2560x1440 IPS panel, 144 Hz.', category: 'hardware', priceCents: 32900, currency: 'USD', stock: 8, tags: ['displays'] },
  { sku: 'HUB-7', name: 'USB-C Hub', description: 'Seven ports with 100 W pass-through charging.', category: 'hardware', priceCents: 4900, currency: 'USD', stock: 0, tags: ['peripherals'] },
  { sku: 'SW-EDIT-1Y', name: 'Code Editor Pro (1 year)', description: 'Yearly licence for one developer.', category: 'software', priceCents: 9900, currency: 'USD', stock: 10000, tags: ['licence', 'developer-tools'] },
  { sku: 'SW-BACKUP', name: 'Cloud Backup 1 TB', description: 'Encrypted off-site backup, billed yearly.', category: 'software', priceCents: 5900, currency: 'USD', stock: 10000, tags: ['licence', 'storage'] },
  { sku: 'BK-HTTP', name: 'HTTP: The Definitive Guide', description: 'The protocol, from messages to caching.', category: 'books', priceCents: 4499, currency: 'USD', stock: 15, tags: ['networking'] },
  { sku: 'BK-DDIA', name: 'Designing Data-Intensive Applications', description: 'Reliable, scalable, maintainable systems.', category: 'books', priceCents: 5299, currency: 'USD', stock: 23, tags: ['databases', 'distributed-systems'] },
  { sku: 'BK-RLIM', name: 'Rate Limiting in Practice', description: 'Token buckets, sliding windows and quotas.', category: 'books', priceCents: 2999, currency: 'USD', stock: 5, tags: ['networking', 'apis'] },
  { sku: 'AP-HOOD-M', name: 'Tollgate Hoodie (M)', description: 'Organic cotton, embroidered logo.', category: 'apparel', priceCents: 5500, currency: 'USD', stock: 30, tags: ['merch'] },
  { sku: 'AP-TEE-L', name: 'API First T-shirt (L)', description: 'Printed on recycled fabric.', category: 'apparel', priceCents: 2500, currency: 'USD', stock: 64, tags: ['merch'] },
  { sku: 'FD-COFFEE', name: 'Single-Origin Coffee 1 kg', description: 'Washed Ethiopian beans, medium roast.', category: 'food', priceCents: 3400, currency: 'USD', stock: 50, tags: ['coffee'] },
];

/** Seed products carry fixed creation dates so every run returns the same documents. */
export const SEED_CREATED_AT = Date.UTC(2026, 0, 5, 9, 0, 0);
