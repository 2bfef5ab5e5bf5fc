/** What a handler answers; the wrapper turns it into a JSON response. */
export interface ApiReply {
  status?: number;
  /** Omitted for 204. */
  body?: unknown;
  /** Send `ETag` computed from the body: single records that a client may update with If-Match. */
  etag?: boolean;
  headers?: Record<string, string>;
}
