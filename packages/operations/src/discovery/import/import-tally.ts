import type { PathTemplater } from '@tollgate/domain';
import type { DiscoveryObservation } from '../observation';
import type { AccessRecord } from './access-record';

const MAX_CONSUMERS = 50;
const MAX_SAMPLES = 20;

interface Tally {
  host: string;
  method: string;
  template: string;
  hits: number;
  statuses: Record<string, number>;
  consumers: Set<string>;
  credentialsSeen: boolean;
  unauthenticatedHits: number;
  first: number;
  last: number;
  samples: Record<string, number>;
}

/**
 * Folds records into one observation per (host, method, template). Memory grows with
 * templates, not records; past `maxTemplates` new templates are counted as overflow.
 */
export class ImportTally {
  readonly #tallies = new Map<string, Tally>();
  records = 0;
  overflow = 0;

  constructor(
    private readonly templaterFor: (host: string) => PathTemplater,
    private readonly maxTemplates = 100_000,
  ) {}

  add(record: AccessRecord, now: number): void {
    this.records++;
    const template = this.templaterFor(record.host).template(record.path, record.host);
    const key = `${record.host} ${record.method} ${template}`;
    let tally = this.#tallies.get(key);
    const time = record.time?.getTime() ?? now;
    if (tally === undefined) {
      if (this.#tallies.size >= this.maxTemplates) {
        this.overflow++;
        return;
      }
      tally = { host: record.host, method: record.method, template, hits: 0, statuses: {}, consumers: new Set(), credentialsSeen: false, unauthenticatedHits: 0, first: time, last: time, samples: {} };
      this.#tallies.set(key, tally);
    }
    tally.hits++;
    tally.first = Math.min(tally.first, time);
    tally.last = Math.max(tally.last, time);
    if (record.status > 0) tally.statuses[record.status] = (tally.statuses[record.status] ?? 0) + 1;
    if (record.consumer !== '' && tally.consumers.size < MAX_CONSUMERS) tally.consumers.add(record.consumer);
    if (record.credentials === true) tally.credentialsSeen = true;
    if (record.credentials === false) tally.unauthenticatedHits++;
    if (record.path in tally.samples) tally.samples[record.path]!++;
    else if (Object.keys(tally.samples).length < MAX_SAMPLES) tally.samples[record.path] = 1;
  }

  get templates(): number {
    return this.#tallies.size;
  }

  observations(): DiscoveryObservation[] {
    return [...this.#tallies.values()].map((tally) => ({
      host: tally.host,
      method: tally.method,
      template: tally.template,
      hits: tally.hits,
      statuses: tally.statuses,
      consumers: [...tally.consumers],
      credentialsSeen: tally.credentialsSeen,
      unauthenticatedHits: tally.unauthenticatedHits,
      firstSeenAt: new Date(tally.first),
      lastSeenAt: new Date(tally.last),
      samples: tally.samples,
      source: 'import' as const,
    }));
  }
}
