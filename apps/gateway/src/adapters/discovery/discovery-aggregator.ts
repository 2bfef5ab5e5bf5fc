import { FoldState } from '@tollgate/domain';
import type { DiscoveryObservation } from '@tollgate/operations';
import type { DiscoveryMetrics } from './discovery-metrics';

/** Consumers and sample paths kept per template: enough to tell one caller from many, bounded under a flood. */
const MAX_CONSUMERS = 50;
const MAX_SAMPLES = 5;
const MAX_SAMPLE_CHARS = 256;

class Tally {
  hits = 0;
  unauthenticated = 0;
  credentialsSeen = false;
  readonly statuses = new Map<number, number>();
  readonly consumers = new Set<string>();
  readonly samples = new Map<string, number>();
  /** Kinds of sensitive-looking data sampled responses held. */
  readonly sensitive = new Set<string>();

  constructor(
    readonly host: string,
    readonly method: string,
    readonly template: string,
    readonly firstSeenMs: number,
    public lastSeenMs: number,
  ) {}
}

export interface Seen {
  readonly host: string;
  readonly method: string;
  readonly template: string;
  readonly path: string;
  readonly status: number;
  readonly consumer: string;
  readonly credentials: boolean;
  /** Kinds of sensitive-looking data the response held, when it was sampled. */
  readonly sensitive?: readonly string[];
  readonly nowMs: number;
}

/**
 * Counts discovery requests per (host, method, template) in memory until the next flush.
 * At most `maxTemplates` entries are held; a request for a new template past that is only
 * counted as overflow (a flood of random paths cannot grow memory).
 */
export class DiscoveryAggregator {
  #tallies = new Map<string, Tally>();
  /** Distinct values per path position, kept across config reloads so folding does not start over. */
  readonly foldState = new FoldState();

  constructor(
    private readonly maxTemplates: number,
    private readonly metrics: DiscoveryMetrics,
  ) {}

  get size(): number {
    return this.#tallies.size;
  }

  add(seen: Seen): void {
    this.metrics.observed.inc();
    const key = `${seen.host} ${seen.method} ${seen.template}`;
    let tally = this.#tallies.get(key);
    if (tally === undefined) {
      if (this.#tallies.size >= this.maxTemplates) {
        this.metrics.overflow.inc();
        return;
      }
      tally = new Tally(seen.host, seen.method, seen.template, seen.nowMs, seen.nowMs);
      this.#tallies.set(key, tally);
      this.metrics.held.set(this.#tallies.size);
    }
    tally.hits++;
    tally.lastSeenMs = seen.nowMs;
    tally.statuses.set(seen.status, (tally.statuses.get(seen.status) ?? 0) + 1);
    if (seen.credentials) tally.credentialsSeen = true;
    else tally.unauthenticated++;
    if (seen.sensitive !== undefined) for (const kind of seen.sensitive) tally.sensitive.add(kind);
    if (tally.consumers.size < MAX_CONSUMERS && seen.consumer !== '') tally.consumers.add(seen.consumer);
    const sample = tally.samples.get(seen.path);
    if (sample !== undefined) tally.samples.set(seen.path, sample + 1);
    else if (tally.samples.size < MAX_SAMPLES && seen.path.length <= MAX_SAMPLE_CHARS) tally.samples.set(seen.path, 1);
  }

  /** Everything counted since the last drain, as observations; the aggregator starts empty again. */
  drain(): DiscoveryObservation[] {
    const tallies = this.#tallies;
    this.#tallies = new Map();
    this.metrics.held.set(0);
    return [...tallies.values()].map((tally) => ({
      host: tally.host,
      method: tally.method,
      template: tally.template,
      hits: tally.hits,
      statuses: Object.fromEntries(tally.statuses),
      consumers: [...tally.consumers],
      credentialsSeen: tally.credentialsSeen,
      unauthenticatedHits: tally.unauthenticated,
      firstSeenAt: new Date(tally.firstSeenMs),
      lastSeenAt: new Date(tally.lastSeenMs),
      samples: Object.fromEntries(tally.samples),
      source: 'gateway' as const,
      sensitiveData: [...tally.sensitive],
    }));
  }
}
