import type { ApiReply } from './api-reply';

/** A list page: `next_cursor` in the body and, when there is a next page, a `Link: <…>; rel="next"` header. */
export function pageReply(url: URL, page: { items: unknown[]; next_cursor: string | null }): ApiReply {
  if (!page.next_cursor) return { body: page };
  const next = new URL(url);
  next.searchParams.set('cursor', page.next_cursor);
  return { body: page, headers: { Link: `<${next.pathname}${next.search}>; rel="next"` } };
}
