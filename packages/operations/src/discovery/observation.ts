/** What the gateway or an import saw of one endpoint (host, method, template) over a period. */
export interface DiscoveryObservation {
  /** Lower-case host without port; '' when the source did not say. */
  readonly host: string;
  readonly method: string;
  readonly template: string;
  readonly hits: number;
  /** Status code -> hits. */
  readonly statuses: Readonly<Record<string, number>>;
  /** Distinct consumers (app slug or client address), as many as the source kept. */
  readonly consumers: readonly string[];
  readonly credentialsSeen: boolean;
  readonly unauthenticatedHits: number;
  readonly firstSeenAt: Date;
  readonly lastSeenAt: Date;
  /** A few concrete paths with their hits. */
  readonly samples: Readonly<Record<string, number>>;
  readonly source: 'gateway' | 'import';
  /** Kinds of sensitive-looking data in sampled responses (email, card, token); never the data. */
  readonly sensitiveData?: readonly string[];
}

export const MAX_CONSUMERS = 50;
export const MAX_SAMPLES = 20;

/** Adds counts into `into` (a plain status or sample map); at most `limit` keys, new keys past it are dropped. */
export function addCounts(into: Record<string, number>, add: Readonly<Record<string, number>>, limit = Infinity): Record<string, number> {
  for (const [key, count] of Object.entries(add)) {
    if (key in into) into[key]! += count;
    else if (Object.keys(into).length < limit) into[key] = count;
  }
  return into;
}

export function unionBounded(a: readonly string[], b: readonly string[], limit = MAX_CONSUMERS): string[] {
  const set = new Set(a);
  for (const value of b) {
    if (set.size >= limit) break;
    set.add(value);
  }
  return [...set];
}
