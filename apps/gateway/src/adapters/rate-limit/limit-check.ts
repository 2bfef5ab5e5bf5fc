/** One counter a request is checked against, filled in by the limit stage. */
export interface LimitCheck {
  /** Identity of the counter across windows, e.g. `r:<subscription id>`. */
  scope: string;
  limit: number;
  /** Units this request spends. */
  cost: number;
  windowStart: number;
  windowEnd: number;
  /** Output: units left for the caller after this request. */
  remaining: number;
}

/** take() answers: the index of the check that refused, or one of these. */
export const ADMITTED = -1;
export const UNAVAILABLE = -2;
