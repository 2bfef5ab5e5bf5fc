import { z } from 'zod';

export const MAX_PAGE_SIZE = 100;

/** `?cursor=&limit=` on every list: an opaque cursor from the previous page's `next_cursor`. */
export const ZPageQuery = z.strictObject({
  cursor: z.string().min(1).max(512).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});
export type TPageQuery = z.infer<typeof ZPageQuery>;

/** A page of a list: the items and the cursor of the next page (null on the last). */
export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next_cursor: z.string().nullable() });
}
