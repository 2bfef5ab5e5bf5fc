import { hash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { TTrafficSplit } from '@tollgate/contracts';
import { parse as parseCookie } from 'cookie';

/** What a split looks at in one request. */
export interface SplitRequest {
  readonly headers: IncomingHttpHeaders;
  /** The caller's plan slug, or null. */
  readonly plan: string | null;
  /** The calling app's id, or null for anonymous callers. */
  readonly consumer: string | null;
  readonly clientIp: string;
}

interface CompiledRule {
  readonly header: string | null;
  readonly cookie: string | null;
  readonly plans: ReadonlySet<string> | null;
  readonly value: string | null;
  readonly version: string | null;
}

/** Buckets of the weights: a draw in [0, 100) falls into the first version whose cumulative weight is above it. */
const BUCKETS = 100;

/**
 * Picks the version of one request: the first rule that matches, else the weights, by a
 * hash of the consumer (or the sticky cookie, or the client address) so one caller keeps
 * its version, or by a fresh draw when the split is not sticky. Built once per route when
 * the snapshot compiles.
 */
export class TrafficSplit {
  readonly #rules: readonly CompiledRule[];
  readonly #versions: ReadonlySet<string>;
  /** Cumulative weights in config order, of versions with weight > 0. */
  readonly #cumulative: readonly { version: string; upTo: number }[];

  constructor(
    private readonly split: TTrafficSplit,
    /** Mixed into the hash, so the same consumer is not a canary on every API at once. */
    private readonly salt: string,
    versions: Iterable<string>,
  ) {
    this.#versions = new Set(versions);
    this.#rules = split.rules.map((rule) => ({
      header: rule.header?.toLowerCase() ?? null,
      cookie: rule.cookie ?? null,
      plans: rule.plans ? new Set(rule.plans) : null,
      value: rule.value ?? null,
      version: rule.version ?? null,
    }));
    let upTo = 0;
    this.#cumulative = Object.entries(split.weights).flatMap(([version, weight]) => (weight > 0 ? [{ version, upTo: (upTo += weight) }] : []));
  }

  /** The version for this request. */
  choose(request: SplitRequest): string {
    let cookies: Record<string, string | undefined> | undefined;
    const cookie = (name: string) => (cookies ??= parseCookie(request.headers.cookie ?? ''))[name];
    for (const rule of this.#rules) {
      const found = rule.plans !== null ? (request.plan !== null && rule.plans.has(request.plan) ? '' : undefined) : rule.header !== null ? headerValue(request.headers, rule.header) : cookie(rule.cookie!);
      if (found === undefined) continue;
      if (rule.value === null && rule.version === null) {
        if (this.#versions.has(found)) return found;
      } else if (rule.value === null || rule.value === found) return rule.version!;
    }
    return this.#byWeight(this.#draw(request, cookie));
  }

  #draw(request: SplitRequest, cookie: (name: string) => string | undefined): number {
    if (this.split.sticky === 'none') return Math.floor(Math.random() * BUCKETS);
    const sticky = this.split.stickyCookie === undefined ? undefined : cookie(this.split.stickyCookie);
    const who = request.consumer !== null ? `app:${request.consumer}` : sticky !== undefined && sticky !== '' ? `cookie:${sticky}` : `ip:${request.clientIp}`;
    return Number.parseInt(hash('sha1', `${this.salt}\n${who}`).slice(0, 8), 16) % BUCKETS;
  }

  #byWeight(draw: number): string {
    for (const entry of this.#cumulative) if (draw < entry.upTo) return entry.version;
    return this.#cumulative.at(-1)!.version;
  }
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
